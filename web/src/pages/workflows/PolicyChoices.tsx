import { POLICIES, type Policy } from '../../api/workflows';
import { policyWords } from './workflowFormat';

/** The promotion policy as radio buttons, for the create form and the settings form (each with its own group name). */
export default function PolicyChoices({ name, policy, onChange }: { name: string; policy: Policy; onChange: (p: Policy) => void }) {
  return (
    <fieldset className="plain">
      <legend>When a candidate beats the model in production</legend>
      <div className="stack policy-choices">
        {POLICIES.map((p) => (
          <label key={p} className="checkbox">
            <input type="radio" name={name} value={p} checked={policy === p} onChange={() => onChange(p)} />
            {policyWords[p]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
