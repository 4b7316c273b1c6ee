// Shapes of the API's resources (see ../shared/API.md and /openapi/v1.json). Enums arrive as camelCase strings.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Tier = 'free' | 'pro' | 'enterprise';

/** The welcome bonus is granted when the address is confirmed, once per mailbox ever. */
export type WelcomeBonus = 'awaitingConfirmation' | 'granted' | 'alreadyReceived';

export interface Me {
  id: string;
  email: string;
  tier: Tier;
  emailVerified: boolean;
  createdAt: string;
  welcomeBonus: WelcomeBonus;
  notifyJobFinished: boolean;
  notifyLowBalance: boolean;
}

export interface AccountCreated {
  id: string;
  email: string;
}

/** What a key may do; each includes the one before. No key manages keys, the account or billing. */
export type ApiKeyScope = 'read' | 'train' | 'full';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiKey {
  id: string;
  name: string;
  key: string;
  prefix: string;
  scope: ApiKeyScope;
  createdAt: string;
}

export interface Credits {
  balance: number;
  held: number;
  available: number;
  owed: number;
  welcomeBonus: WelcomeBonus;
}

export type CreditEntryKind =
  | 'signupBonus'
  | 'grant'
  | 'purchase'
  | 'adReward'
  | 'capture'
  | 'refund'
  | 'clawback'
  | 'hold'
  | 'release'
  | 'owedSettlement'
  | 'prediction';

export interface CreditEntry {
  id: string;
  amount: number;
  heldChange: number;
  kind: CreditEntryKind;
  reference: string;
  balanceAfter: number;
  createdAt: string;
}

export interface Pack {
  id: string;
  name: string;
  credits: number;
  priceCents: number;
}

export interface Plan {
  id: string;
  name: string;
  priceCents: number;
  monthlyCredits: number;
  interval: string;
}

export interface Catalog {
  currency: string;
  packs: Pack[];
  plan: Plan;
  paymentsEnabled: boolean;
}

export type DatasetStatus = 'uploading' | 'ingesting' | 'ready' | 'failed';

export interface DatasetSummary {
  id: string;
  name: string;
  status: DatasetStatus;
  format: string;
  sizeBytes: number;
  rows: number | null;
  createdAt: string;
}

export interface HistogramBin {
  lower: number;
  upper: number;
  count: number;
}

export interface CategoryCount {
  value: string;
  count: number;
}

export interface QuantileValue {
  probability: number;
  value: number;
}

export type ColumnType = 'numeric' | 'boolean' | 'categorical' | 'datetime' | 'text' | 'id';

/** One column of a data set's profile, as the ingest worker writes it. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  missing: number;
  distinct: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
  quantiles: QuantileValue[];
  topCategories: CategoryCount[];
  histogram: HistogramBin[];
}

export interface Dataset extends DatasetSummary {
  error: string | null;
  sha256: string | null;
  columns: ColumnProfile[] | null;
  targetSuggestion: string | null;
  taskSuggestion: string | null;
  lastUsedAt: string;
}

/** GET /datasets/usage: the tier's storage and what is left of it. */
export interface StorageUsage {
  tier: Tier;
  usedBytes: number;
  reservedBytes: number;
  quotaBytes: number;
  availableBytes: number;
  maxUploadBytes: number;
  retentionDays: number;
}

/** A bundled data set anyone can copy into their account (GET /datasets/samples). */
export interface SampleDataset {
  name: string;
  title: string;
  description: string;
  rows: number;
  columns: number;
  target: string;
  task: string;
}

export interface CreatedSample {
  dataset: Dataset;
  target: string;
  task: string;
}

export interface DatasetPreview {
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

export interface UploadPartUrl {
  partNumber: number;
  url: string;
}

export interface StartedUpload {
  uploadId: string;
  datasetId: string;
  partSizeBytes: number;
  expiresAt: string;
  parts: UploadPartUrl[];
}

export type JobKind = 'train' | 'predict';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  kind: JobKind;
  status: JobStatus;
  queue: string;
  progress: number;
  etaSeconds: number | null;
  datasetId: string;
  target: string | null;
  task: string | null;
  metric: string | null;
  budgetSeconds: number;
  bestScore: number | null;
  trials: number;
  modelId: string | null;
  error: string | null;
  heldCredits: number;
  chargedCredits: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface Trial {
  n: number;
  learner: string;
  params: Record<string, unknown>;
  score: number;
  seconds: number;
}
