import { statusClass, statusText } from './workflowFormat';

export default function RunStatusChip({ status }: { status: string }) {
  return (
    <span className={`chip ${statusClass(status)}`} data-status={status}>
      {statusText(status)}
    </span>
  );
}
