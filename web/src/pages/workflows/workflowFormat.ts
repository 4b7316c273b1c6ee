// What the workflow pages say about a workflow: its schedule in words, its policy, its runs' statuses and triggers.

const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const isNumber = (field: string) => /^\d{1,2}$/.test(field);

/** A day-of-week field as words ("Monday", "Monday and Thursday", "weekday"), or null when it is not a simple one. */
function dayWords(field: string): string | null {
  if (field === '1-5') return 'weekday';
  if (field === '0,6' || field === '6,0') return 'Saturday and Sunday';
  const parts = field.split(',');
  if (!parts.every(isNumber)) return null;
  const names = parts.map((p) => days[Number(p) % 7]);
  if (names.some((n) => n === undefined)) return null;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A five-field cron expression in words: "every day at 06:00", "every Monday at 06:00", "on the 1st of every month at
 * 00:00", "every hour at minute 15", "every 30 minutes". Expressions it cannot put simply are shown as they are.
 */
export function describeCron(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  const fallback = `cron "${cron.trim()}"`;
  if (fields.length !== 5) return fallback;
  const [minute, hour, dom, month, dow] = fields;
  const everyN = /^\*\/(\d+)$/;
  if (month !== '*') return fallback;
  if (everyN.test(minute) && hour === '*' && dom === '*' && dow === '*') return `every ${plural(Number(everyN.exec(minute)![1]), 'minute')}`;
  if (!isNumber(minute)) return fallback;
  const m = Number(minute);
  if (hour === '*' && dom === '*' && dow === '*') return m === 0 ? 'every hour, on the hour' : `every hour at minute ${m}`;
  if (everyN.test(hour) && dom === '*' && dow === '*') {
    const n = Number(everyN.exec(hour)![1]);
    return `every ${plural(n, 'hour')}${m === 0 ? '' : ` at minute ${m}`}`;
  }
  if (!isNumber(hour)) return fallback;
  const at = `${String(Number(hour)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  if (dom === '*' && dow === '*') return `every day at ${at}`;
  if (dom === '*') {
    const words = dayWords(dow);
    return words ? `every ${words} at ${at}` : fallback;
  }
  if (dow === '*' && isNumber(dom)) return `on the ${ordinal(Number(dom))} of every month at ${at}`;
  return fallback;
}

/** The schedule with its time zone: "every Monday at 06:00 (Europe/Paris)". */
export function describeSchedule(schedule: { cron: string; timeZone?: string | null } | null | undefined): string {
  if (!schedule) return 'No schedule';
  return `${describeCron(schedule.cron)} (${schedule.timeZone || 'UTC'})`;
}

/** What the form's schedule choices mean as cron. */
export type ScheduleKind = 'daily' | 'weekly' | 'monthly' | 'custom';

export function cronOf(kind: ScheduleKind, time: string, weekday: number, custom: string): string {
  const [h, m] = (/^(\d{1,2}):(\d{2})$/.exec(time) ?? ['', '6', '00']).slice(1).map(Number);
  switch (kind) {
    case 'daily':
      return `${m} ${h} * * *`;
    case 'weekly':
      return `${m} ${h} * * ${weekday}`;
    case 'monthly':
      return `${m} ${h} 1 * *`;
    case 'custom':
      return custom.trim();
  }
}

export const weekdays = days;

export const policyWords: Record<string, string> = {
  automatic: 'Promote a better candidate at once',
  approval: 'Wait for someone to approve a better candidate',
  never: 'Report only: production never moves',
};

export function policyText(policy: string): string {
  return policyWords[policy] ?? policy;
}

const statusWords: Record<string, string> = {
  training: 'training',
  'awaiting-approval': 'awaiting approval',
  promoted: 'promoted',
  'not-promoted': 'not promoted',
  rejected: 'rejected',
  failed: 'failed',
  skipped: 'skipped',
};

export function statusText(status: string): string {
  return statusWords[status] ?? status;
}

/** The chip class of a run's status, reusing the job chips' colours. */
export function statusClass(status: string): string {
  switch (status) {
    case 'promoted':
      return 'succeeded';
    case 'failed':
    case 'rejected':
      return 'failed';
    case 'training':
      return 'running';
    case 'awaiting-approval':
      return 'awaiting';
    default:
      return 'ended';
  }
}

const triggerWords: Record<string, string> = { manual: 'run now', schedule: 'schedule', 'dataset-version': 'new data set version' };

export function triggerText(trigger: string): string {
  return triggerWords[trigger] ?? trigger;
}

/**
 * The registered model name proposed for a data set and target: lower-case letters, digits and dashes, starting with
 * a letter ("Churn 2024.csv", "Churned?" → "churn-2024-churned").
 */
export function proposedModelName(datasetName: string, target: string): string {
  const stem = datasetName.replace(/\.(csv|tsv|parquet|txt)(\.gz)?$/i, '');
  const slug = `${stem}-${target}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'model';
}

/** The caps proposed for a workflow from what one run costs: twice that per run, ten times that a month. */
export function proposedCaps(runCredits: number): { run: number; monthly: number } {
  const base = Math.max(1, Math.ceil(runCredits));
  return { run: 2 * base, monthly: 10 * base };
}

/** Whether a registered model name is one the API accepts. */
export const validModelName = (name: string) => /^[a-z][a-z0-9-]*$/.test(name);

/** A signed number for a gain: "+0.0123", "−0.004". */
export function signed(value: number, digits = 4): string {
  const text = Number(Math.abs(value).toPrecision(digits)).toString();
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
