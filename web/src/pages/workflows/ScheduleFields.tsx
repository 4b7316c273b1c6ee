import { useId, useMemo } from 'react';
import { cronOf, describeCron, weekdays, type ScheduleKind } from './workflowFormat';

/** What the schedule fields hold; `cronOf` turns it into the cron expression the API takes. */
export interface ScheduleChoice {
  on: boolean;
  kind: ScheduleKind;
  time: string;
  weekday: number;
  customCron: string;
  timeZone: string;
}

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** No schedule yet: weekly on Monday at 06:00 in the browser's time zone once switched on; an existing one as its cron. */
export function initialSchedule(existing?: { cron: string; timeZone?: string | null } | null): ScheduleChoice {
  return existing
    ? { on: true, kind: 'custom', time: '06:00', weekday: 1, customCron: existing.cron, timeZone: existing.timeZone || 'UTC' }
    : { on: false, kind: 'weekly', time: '06:00', weekday: 1, customCron: '0 6 * * 1', timeZone: browserTimeZone() };
}

export const scheduleCron = (s: ScheduleChoice) => cronOf(s.kind, s.time, s.weekday, s.customCron);

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

export default function ScheduleFields({ value: s, onChange }: { value: ScheduleChoice; onChange: (s: ScheduleChoice) => void }) {
  const zones = useMemo(() => timeZones(), []);
  const listId = useId();
  const set = (change: Partial<ScheduleChoice>) => onChange({ ...s, ...change });
  const cron = scheduleCron(s);
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={s.on} onChange={(e) => set({ on: e.target.checked })} />
        Run on a schedule
      </label>
      {s.on && (
        <div className="stack nested">
          <div className="form-pair">
            <label>
              Repeat
              <select value={s.kind} onChange={(e) => set({ kind: e.target.value as ScheduleKind })}>
                <option value="daily">Every day</option>
                <option value="weekly">Every week</option>
                <option value="monthly">On the 1st of every month</option>
                <option value="custom">Custom (cron)</option>
              </select>
            </label>
            {s.kind === 'weekly' && (
              <label>
                Day
                <select value={s.weekday} onChange={(e) => set({ weekday: Number(e.target.value) })}>
                  {weekdays.map((d, i) => (
                    <option key={d} value={i}>
                      {d}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {s.kind === 'custom' ? (
              <label>
                Cron expression
                <input value={s.customCron} onChange={(e) => set({ customCron: e.target.value })} className="mono" placeholder="0 6 * * 1" required />
              </label>
            ) : (
              <label>
                Time
                <input type="time" value={s.time} onChange={(e) => set({ time: e.target.value })} required />
              </label>
            )}
          </div>
          <label>
            Time zone
            <input value={s.timeZone} onChange={(e) => set({ timeZone: e.target.value })} list={listId} required />
          </label>
          <datalist id={listId}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <p className="muted small" style={{ margin: 0 }} aria-live="polite">
            Runs {describeCron(cron)} ({s.timeZone || 'UTC'}).
          </p>
        </div>
      )}
    </>
  );
}
