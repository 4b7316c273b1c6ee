// Workflows: saved training recipes that re-run on a schedule or on a new data set version, compare the candidate with
// the model holding production on held-out rows, and promote it (at once, after an approval, or never).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, json } from './client';

import type {
  CreateWorkflowRequest, RunDecisionRequest, UpdateWorkflowRequest, Workflow, WorkflowPage, WorkflowRun, WorkflowRunPage,
} from './types';

export type { CreateWorkflowRequest, Guardrail, Workflow, WorkflowRun, WorkflowSchedule } from './types';

export type RunStatus = 'training' | 'awaiting-approval' | 'promoted' | 'not-promoted' | 'rejected' | 'failed' | 'skipped';
export type Policy = 'automatic' | 'approval' | 'never';
export const POLICIES: Policy[] = ['automatic', 'approval', 'never'];

/**
 * A run's report, as the API stores it (a JSON document the OpenAPI document leaves untyped): how the held-out rows
 * were chosen, both models' metrics on them, the gain of the primary metric with its bootstrap interval, the guardrails
 * and the sentences of the verdict.
 */
export interface RunReport {
  holdout?: {
    method?: string;
    rows?: number;
    trainRows?: number;
    scoredRows?: number;
    column?: string | null;
    from?: string | null;
    description?: string;
  } | null;
  metric?: string;
  candidate?: { score?: number | null; metrics?: Record<string, number> | null } | null;
  champion?: { version?: number; modelId?: string; score?: number | null; metrics?: Record<string, number> | null } | null;
  gain?: { value: number; lower: number; upper: number } | null;
  margin?: number;
  guardrails?: { metric: string; candidate: number; champion: number; drop: number; tolerance: number; holds: boolean }[];
  schemaProblems?: string[];
  better?: boolean;
  reasons?: string[];
}

/** The run's report when it has one (an object), else null. */
export function reportOf(run: WorkflowRun): RunReport | null {
  const report: unknown = run.report;
  return report !== null && typeof report === 'object' && !Array.isArray(report) ? report : null;
}

const workflowsKey = ['workflows'] as const;
const listKey = [...workflowsKey, 'list'] as const;
export const workflowKey = (id: string) => [...workflowsKey, 'one', id] as const;
const runsKey = (id: string) => [...workflowKey(id), 'runs'] as const;
const runKey = (id: string, runId: string) => [...runsKey(id), 'one', runId] as const;

const POLL_MS = 3000;
const path = (id: string) => `/workflows/${encodeURIComponent(id)}`;

/** A run still going: its job trains, and the page keeps asking until it ends. */
export const isTraining = (run: { status: string } | null | undefined) => run?.status === 'training';

export function useWorkflows(pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [...listKey, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<WorkflowPage>(`/workflows?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((w) => isTraining(w.lastRun))) ? POLL_MS : false),
  });
}

export function useWorkflow(id: string) {
  return useQuery({
    queryKey: workflowKey(id),
    queryFn: () => apiFetch<Workflow>(path(id)),
    refetchInterval: (query) => (isTraining(query.state.data?.lastRun) ? POLL_MS : false),
  });
}

/** The runs, newest first; polled while the newest is training. */
export function useWorkflowRuns(id: string, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [...runsKey(id), 'list', pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: String(pageSize) });
      if (pageParam) query.set('cursor', pageParam);
      return apiFetch<WorkflowRunPage>(`${path(id)}/runs?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query) => (query.state.data?.pages[0]?.items.some(isTraining) ? POLL_MS : false),
  });
}

export function useWorkflowRun(id: string, runId: string) {
  return useQuery({
    queryKey: runKey(id, runId),
    queryFn: () => apiFetch<WorkflowRun>(`${path(id)}/runs/${encodeURIComponent(runId)}`),
    refetchInterval: (query) => (isTraining(query.state.data) ? POLL_MS : false),
  });
}

export function useCreateWorkflow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateWorkflowRequest) => apiFetch<Workflow>('/workflows', json('POST', request)),
    onSuccess: (workflow) => {
      client.setQueryData(workflowKey(workflow.id), workflow);
      void client.invalidateQueries({ queryKey: listKey });
      // A registered model may have been created for it.
      void client.invalidateQueries({ queryKey: ['registered-models'] });
    },
  });
}

/** After any change to a workflow or its runs: the workflow, its runs and the list are stale (and a run holds credits). */
function useInvalidateWorkflow(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: workflowKey(id) }),
      client.invalidateQueries({ queryKey: listKey }),
      client.invalidateQueries({ queryKey: ['credits'] }),
    ]);
}

export function useUpdateWorkflow(id: string) {
  const invalidate = useInvalidateWorkflow(id);
  return useMutation({
    mutationFn: (request: UpdateWorkflowRequest) => apiFetch<Workflow>(path(id), json('PATCH', request)),
    onSuccess: invalidate,
  });
}

export function usePauseWorkflow(id: string) {
  const invalidate = useInvalidateWorkflow(id);
  return useMutation({
    mutationFn: (pause: boolean) => apiFetch<Workflow>(`${path(id)}/${pause ? 'pause' : 'resume'}`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useRunWorkflow(id: string) {
  const invalidate = useInvalidateWorkflow(id);
  return useMutation({
    mutationFn: () => apiFetch<WorkflowRun>(`${path(id)}/runs`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useDeleteWorkflow(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(path(id), { method: 'DELETE' }),
    // Only the list: the page still shows the workflow until it navigates away, and removing its queries here would
    // make that page ask for the deleted workflow again (a 404).
    onSuccess: () => client.invalidateQueries({ queryKey: listKey }),
  });
}

/** Approves (production moves to the candidate) or rejects a run awaiting approval. */
export function useDecideRun(id: string, runId: string) {
  const invalidate = useInvalidateWorkflow(id);
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ approve, reason }: { approve: boolean; reason?: string }) =>
      apiFetch<WorkflowRun>(`${path(id)}/runs/${encodeURIComponent(runId)}/${approve ? 'approve' : 'reject'}`, json('POST', { reason: reason?.trim() || null } satisfies RunDecisionRequest)),
    onSuccess: (run) => {
      client.setQueryData(runKey(id, runId), run);
      void client.invalidateQueries({ queryKey: ['registered-models'] });
      return invalidate();
    },
  });
}
