import { describe, expect, it } from 'vitest';
import { cronOf, describeCron, describeSchedule, proposedCaps, proposedModelName, signed, statusText, validModelName } from './workflowFormat';

describe('describeCron', () => {
  it.each([
    ['0 6 * * *', 'every day at 06:00'],
    ['30 18 * * 1', 'every Monday at 18:30'],
    ['0 6 * * 1,4', 'every Monday and Thursday at 06:00'],
    ['0 7 * * 1-5', 'every weekday at 07:00'],
    ['0 0 1 * *', 'on the 1st of every month at 00:00'],
    ['15 3 22 * *', 'on the 22nd of every month at 03:15'],
    ['0 * * * *', 'every hour, on the hour'],
    ['15 * * * *', 'every hour at minute 15'],
    ['0 */6 * * *', 'every 6 hours'],
    ['*/30 * * * *', 'every 30 minutes'],
  ])('%s is "%s"', (cron, words) => expect(describeCron(cron)).toBe(words));

  it('shows what it cannot say simply as it is', () => {
    expect(describeCron('0 6 * 1 *')).toBe('cron "0 6 * 1 *"');
    expect(describeCron('0 6 1-7 * 1')).toBe('cron "0 6 1-7 * 1"');
    expect(describeCron('nonsense')).toBe('cron "nonsense"');
  });

  it('names the time zone, UTC when none is set', () => {
    expect(describeSchedule({ cron: '0 6 * * 1', timeZone: 'Europe/Paris' })).toBe('every Monday at 06:00 (Europe/Paris)');
    expect(describeSchedule({ cron: '0 6 * * *', timeZone: null })).toBe('every day at 06:00 (UTC)');
    expect(describeSchedule(null)).toBe('No schedule');
  });
});

describe('cronOf', () => {
  it('turns the form choices into cron', () => {
    expect(cronOf('daily', '06:30', 1, '')).toBe('30 6 * * *');
    expect(cronOf('weekly', '18:00', 5, '')).toBe('0 18 * * 5');
    expect(cronOf('monthly', '00:00', 1, '')).toBe('0 0 1 * *');
    expect(cronOf('custom', '06:00', 1, ' 0 */4 * * * ')).toBe('0 */4 * * *');
  });
});

describe('proposedModelName', () => {
  it('is lower-case letters, digits and dashes starting with a letter', () => {
    expect(proposedModelName('pima_diabetes.csv', 'diabetes')).toBe('pima-diabetes-diabetes');
    expect(proposedModelName('2024 Churn.parquet', 'Churned?')).toBe('churn-churned');
    expect(proposedModelName('Été.csv', 'prix')).toBe('ete-prix');
    for (const name of [proposedModelName('x.csv', 'y'), proposedModelName('123.csv', '456')]) expect(validModelName(name)).toBe(true);
  });
});

describe('the rest', () => {
  it('proposes caps of twice a run and ten runs a month', () => {
    expect(proposedCaps(3)).toEqual({ run: 6, monthly: 30 });
    expect(proposedCaps(0)).toEqual({ run: 2, monthly: 10 });
  });

  it('signs gains and words statuses', () => {
    expect(signed(0.01234)).toBe('+0.01234');
    expect(signed(-0.004)).toBe('−0.004');
    expect(signed(0)).toBe('0');
    expect(statusText('awaiting-approval')).toBe('awaiting approval');
  });
});
