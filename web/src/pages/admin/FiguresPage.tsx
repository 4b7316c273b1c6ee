import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useFigures } from '../../api/admin';
import PageHeading from '../../components/PageHeading';
import ProblemAlert from '../../components/ProblemAlert';
import Spinner from '../../components/Spinner';
import { formatSeconds } from '../jobs/jobFormat';
import AdminNav from './AdminNav';
import DailyChart from './DailyChart';
import { figureSeries, total } from './figuresFormat';
import './admin.css';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <div className="label">{label}</div>
      <div className="value">{value}</div>
    </div>
  );
}

const money = (v: number | null) => (v ?? 0).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const seconds = (v: number | null) => (v === null ? '—' : formatSeconds(v));

export default function FiguresPage() {
  const [form, setForm] = useState({ from: '', to: '' });
  const [range, setRange] = useState({ from: '', to: '' });
  const figures = useFigures(range.from, range.to);
  const series = useMemo(() => (figures.data ? figureSeries(figures.data.days) : null), [figures.data]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRange({ ...form });
  };

  return (
    <section>
      <PageHeading title="Platform figures" />
      <AdminNav />
      <p className="muted">
        Per UTC day. Each chart has its numbers behind “Show the numbers”. Alerts and the ledger reconciliation are on the <Link to="/admin/alerts">Alerts</Link>{' '}
        page.
      </p>
      <form className="row figure-range" onSubmit={submit} noValidate>
        <label>
          From
          <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </label>
        <label>
          To
          <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </label>
        <button type="submit">Show</button>
      </form>
      {figures.isPending && <Spinner label="Loading the figures" />}
      <ProblemAlert error={figures.error} />
      {figures.data && series && (
        <>
          <p>
            From {figures.data.from} to {figures.data.to} ({series.days.length} days).
          </p>
          <div className="stats">
            <Stat label="Sign-ups" value={total(series.activity[0]).toLocaleString()} />
            <Stat label="Jobs submitted" value={total(series.jobs[0]).toLocaleString()} />
            <Stat label="Failed jobs" value={total(series.failures[0]).toLocaleString()} />
            <Stat
              label="Revenue"
              value={series.revenue.length === 0 ? '0' : series.revenue.map((s) => `${money(total(s))} ${s.name}`).join(', ')}
            />
          </div>
          <div className="figure-grid">
            <DailyChart title="Sign-ups and active users" days={series.days} series={series.activity} unit="accounts" kind="lines" testId="chart-activity" />
            <DailyChart title="Jobs submitted and ended" days={series.days} series={series.jobs} unit="jobs" kind="bars" testId="chart-jobs" />
            <DailyChart
              title="Credits in and out by source"
              days={series.days}
              series={series.credits}
              unit="credits"
              kind="stacked"
              testId="chart-credits"
              empty="No credits moved in this range."
            />
            <DailyChart
              title="Revenue (Stripe payments)"
              days={series.days}
              series={series.revenue}
              unit="amount"
              kind="stacked"
              testId="chart-revenue"
              format={money}
              empty="No payments in this range."
            />
            <DailyChart title="Queue" days={series.days} series={series.queue} unit="jobs" kind="bars" testId="chart-queue" />
            <DailyChart title="Wait from submission to start" days={series.days} series={series.waits} unit="seconds" kind="lines" testId="chart-wait" format={seconds} />
            <DailyChart title="Failures" days={series.days} series={series.failures} unit="count" kind="bars" testId="chart-failures" />
          </div>
        </>
      )}
    </section>
  );
}
