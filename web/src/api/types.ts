// The API's resources, named for the dashboard. Every shape is generated from the OpenAPI document
// (docs/openapi/v1.json → schema.gen.ts by `npm run gen`): none is written by hand here.
import type { components } from './schema.gen';

export type Schemas = components['schemas'];

export type Tier = Schemas['Tier'];
/** The welcome bonus is granted when the address is confirmed, once per mailbox ever. */
export type WelcomeBonus = Schemas['WelcomeBonusState'];
export type Me = Schemas['MeResponse'];
export type AccountCreated = Schemas['AccountCreated'];

/** What a key may do; each includes the one before. No key manages keys, the account or billing. */
export type ApiKeyScope = Schemas['ApiKeyScope'];
export type ApiKeyView = Schemas['ApiKeyView'];
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type ApiKeyPage = Schemas['PageOfApiKeyView'];

export type Credits = Schemas['CreditsView'];
export type CreditEntryKind = Schemas['CreditEntryKind'];
export type CreditEntry = Schemas['CreditEntryView'];
export type CreditEntryPage = Schemas['PageOfCreditEntryView'];
export type AdRewards = Schemas['AdRewardsView'];
export type Pack = Schemas['PackView'];
export type Plan = Schemas['PlanView'];
export type Catalog = Schemas['CatalogView'];
export type Redirect = Schemas['RedirectView'];

export type DatasetStatus = Schemas['DatasetStatus'];
export type DatasetSummary = Schemas['DatasetSummary'];
export type DatasetSummaryPage = Schemas['PageOfDatasetSummary'];
export type Dataset = Schemas['DatasetView'];
/** One column of a data set's profile, as the ingest worker stores it. */
export type ColumnProfile = Schemas['DatasetColumn'];
export type DataCheck = Schemas['DatasetCheck'];
export type DatasetChecks = Schemas['DatasetChecksView'];
export type DatasetAssociations = Schemas['DatasetAssociations'];
export type DatasetAssociation = Schemas['DatasetAssociation'];
export type ColumnType = ColumnProfile['type'];
export type QuantileValue = Schemas['ColumnQuantile'];
export type CategoryCount = Schemas['ColumnCategoryCount'];
export type HistogramBin = Schemas['ColumnHistogramBin'];
/** GET /datasets/usage: the tier's storage and what is left of it. */
export type StorageUsage = Schemas['StorageUsageView'];
/** A bundled data set anyone can copy into their account (GET /datasets/samples). */
export type SampleDataset = Schemas['SampleDatasetView'];
export type CreatedSample = Schemas['CreatedSampleView'];
export type DatasetPreview = Schemas['DatasetPreview'];
/** A cell of a data set preview: text, a number, a boolean or null. */
export type PreviewCell = DatasetPreview['rows'][number][number];
export type StartedUpload = Schemas['StartedUpload'];
/** One version of a data set's lineage, with how its columns differ from the latest earlier ready version. */
export type DatasetVersion = Schemas['DatasetVersionView'];
export type DatasetVersionPage = Schemas['PageOfDatasetVersionView'];
/** Added, removed and retyped columns against the version named by comparedWithVersion. */
export type SchemaChanges = Schemas['SchemaChanges'];
export type StartVersionUploadRequest = Schemas['StartVersionUploadRequest'];
export type CompletedPart = Schemas['CompletedPart'];

export type JobKind = Schemas['JobKind'];
export type JobStatus = Schemas['JobStatus'];
export type Job = Schemas['JobView'];
export type JobPage = Schemas['PageOfJobView'];
export type Trial = Schemas['TrialView'];
/** A trial's hyper-parameters, as the engine reported them. */
export type TrialParams = Trial['params'];
export type TrialPage = Schemas['PageOfTrialView'];
/** What POST /jobs and POST /jobs/quote take. */
export type JobRequest = Schemas['SubmitJobRequest'];
export type Quote = Schemas['QuoteView'];
export type TierPricing = Schemas['PricingView'];
/** A message of the events hub, also what GET /jobs/{id}/events lists. */
export type JobEvent = Schemas['EventMessage'];
export type JobEventPage = Schemas['PageOfEventMessage'];
/** The record each event type carries as its data (the API's Domain/Events records). */
export type EventDataByType = Schemas['EventDataByType'];
export type EventType = keyof EventDataByType;
/** An event whose data is typed by its type: switching on `type` narrows `data`. */
export type TypedEvent = { [K in EventType]: Omit<JobEvent, 'type' | 'data'> & { type: K; data: EventDataByType[K] } }[EventType];

export type ModelSummary = Schemas['ModelSummary'];
export type ModelSummaryPage = Schemas['PageOfModelSummary'];
export type ModelView = Schemas['ModelView'];
/** A model's validation metrics by name. */
export type ModelMetrics = ModelView['metrics'];
export type FeatureImportance = Schemas['ModelImportance'];
/** A model's validation curves; each is null where the task has none. */
export type ModelCurves = Schemas['ModelCurveSet'];
export type ConfusionMatrix = Schemas['ModelConfusion'];
/** A binary model's decision threshold with its validation rates. */
export type ModelThreshold = Schemas['ModelThresholdView'];
export type ThresholdRequest = Schemas['ThresholdRequest'];
/** Validation counts at one threshold (binary). */
export type ThresholdPoint = Schemas['ModelThresholdPoint'];
export type GainPoint = Schemas['ModelGainPoint'];
export type CalibrationBin = Schemas['ModelCalibrationBin'];
export type ClassMetrics = Schemas['ModelClassMetrics'];
/** A column the model reads, with the kind of value it expects. */
export type InputColumn = Schemas['ModelInputColumn'];
export type LeaderboardEntry = Schemas['ModelLeaderboardEntry'];
/** A model scored on a labelled data set of the user's; curves only when read one at a time. */
export type Evaluation = Schemas['EvaluationView'];
export type EvaluationPage = Schemas['PageOfEvaluationView'];
/** One metric on validation and on the user's rows. */
export type EvaluationMetricRow = Schemas['EvaluationMetricRow'];
export type EvaluationQuote = Schemas['EvaluationQuote'];
export type EvaluationRequest = Schemas['EvaluationRequest'];
export type EvaluationSubmitted = Schemas['EvaluationSubmitted'];
export type ModelComparisonView = Schemas['ModelComparison'];
export type EnsembleMember = Schemas['EnsembleMember'];
export type Prediction = Schemas['PredictionView'];
export type PredictRequest = Schemas['PredictRequest'];
export type PredictResponse = Schemas['PredictResponse'];
export type BatchPredictionRequest = Schemas['BatchPredictionRequest'];

export type SignupRequest = Schemas['SignupRequest'];
export type LoginRequest = Schemas['LoginRequest'];
export type ChangeEmailRequest = Schemas['ChangeEmailRequest'];
export type EmailChangePending = Schemas['EmailChangePending'];
export type ChangePasswordRequest = Schemas['ChangePasswordRequest'];
export type ResetPasswordRequest = Schemas['ResetPasswordRequest'];
export type ConfirmEmailRequest = Schemas['ConfirmEmailRequest'];
export type ConfirmEmailChangeRequest = Schemas['ConfirmEmailChangeRequest'];
export type ForgotPasswordAccepted = Schemas['ForgotPasswordAccepted'];
export type UpdateMeRequest = Schemas['UpdateMeRequest'];
export type CreateApiKeyRequest = Schemas['CreateApiKeyRequest'];
export type CheckoutRequest = Schemas['CheckoutRequest'];
export type StartUploadRequest = Schemas['StartUploadRequest'];

/** A named model with numbered versions and aliases (production, staging, previous, ...). */
export type RegisteredModel = Schemas['RegisteredModelView'];
export type RegisteredModelPage = Schemas['PageOfRegisteredModelView'];
export type CreateRegisteredModelRequest = Schemas['CreateRegisteredModelRequest'];
export type ModelVersion = Schemas['ModelVersionView'];
export type ModelVersionPage = Schemas['PageOfModelVersionView'];
export type AddVersionRequest = Schemas['AddVersionRequest'];
export type MoveAliasRequest = Schemas['MoveAliasRequest'];
export type AliasView = Schemas['AliasView'];
/** One move of an alias: from which version to which, by whom, when and why. */
export type AliasMove = Schemas['AliasMoveView'];
export type AliasMovePage = Schemas['PageOfAliasMoveView'];

/** A named prediction address bound to a registered model's alias, with an optional challenger. */
export type ServingEndpoint = Schemas['EndpointView'];
export type ServingEndpointPage = Schemas['PageOfEndpointView'];
export type CreateEndpointRequest = Schemas['CreateEndpointRequest'];
export type Challenger = Schemas['ChallengerSpec'];
export type ChallengerMode = Schemas['ChallengerMode'];
export type EndpointPredictResponse = Schemas['EndpointPredictResponse'];
/** One logged request of an endpoint: the served answer or the shadow challenger's. */
export type PredictionLog = Schemas['PredictionLogView'];
export type PredictionLogPage = Schemas['PageOfPredictionLogView'];
export type EndpointStats = Schemas['EndpointStatsView'];
export type EndpointHour = Schemas['EndpointHour'];
/** An endpoint's monitor: the training baselines, the judged windows (oldest first) and the thresholds. */
export type Monitoring = Schemas['MonitoringView'];
export type FeatureBaseline = Schemas['BaselineView'];
export type MonitorWindow = Schemas['MonitorWindowView'];
export type FeatureWindow = Schemas['FeatureWindow'];
export type Threshold = Schemas['ThresholdView'];
export type UpdateMonitoringRequest = Schemas['UpdateMonitoringRequest'];
export type EndpointAlert = Schemas['AlertView'];
export type EndpointAlertPage = Schemas['PageOfAlertView'];

/** A saved training recipe that re-runs on request, on a schedule or on a new data set version, and promotes a better model. */
export type Workflow = Schemas['WorkflowView'];
export type WorkflowPage = Schemas['PageOfWorkflowView'];
export type WorkflowSchedule = Schemas['WorkflowSchedule'];
/** A metric that may not get worse by more than its tolerance for a candidate to be promoted. */
export type Guardrail = Schemas['GuardrailView'];
export type CreateWorkflowRequest = Schemas['CreateWorkflowRequest'];
export type UpdateWorkflowRequest = Schemas['UpdateWorkflowRequest'];
/** One run of a workflow: its trigger, the version it trained on, its candidate against the champion, and the decision. */
export type WorkflowRun = Schemas['WorkflowRunView'];
export type WorkflowRunPage = Schemas['PageOfWorkflowRunView'];
export type RunDecisionRequest = Schemas['RunDecisionRequest'];
export type SecurityEvent = Schemas['AuditEventView'];
export type SecurityEventPage = Schemas['PageOfAuditEventView'];
/** An episode of a platform alert rule firing (admins only); cleared when the rule stopped firing. */
export type PlatformAlert = Schemas['PlatformAlertView'];
export type PlatformAlertPage = Schemas['PageOfPlatformAlertView'];
export type AlertSeverity = Schemas['AlertSeverity'];
/** The ledger reconciliation's last run and the accounts that drift from their entries. */
export type Reconciliation = Schemas['ReconciliationView'];
export type ReconciliationDrift = Schemas['ReconciliationDriftView'];
/** A zip of everything the account owns; downloadUrl (same origin, no session needed) while it is ready. */
export type DataExport = Schemas['ExportView'];
export type DataExportPage = Schemas['PageOfExportView'];

/** The admin console's view of an account: tier and credit account. */
export type AdminUser = Schemas['AdminUserView'];
export type AdminLedger = Schemas['AdminLedgerView'];
export type CreditAdjustmentRequest = Schemas['CreditAdjustmentRequest'];
/** A rewarded-ad callback; held ones wait for an admin to approve (credit) or reject them. */
export type AdClaim = Schemas['AdClaimView'];
export type AdClaimStatus = Schemas['AdClaimStatus'];
export type AdClaimPage = Schemas['PageOfAdClaimView'];
export type AdminUserPage = Schemas['PageOfAdminUserView'];
export type AdminSuspension = Schemas['AdminSuspensionView'];
export type SetTierRequest = Schemas['SetTierRequest'];
/** Every key of an account, revoked ones included. */
export type AdminApiKey = Schemas['AdminApiKeyView'];
export type AdminApiKeyPage = Schemas['PageOfAdminApiKeyView'];
/** The platform per UTC day (GET /admin/figures), every day of the range present. */
export type PlatformFigures = Schemas['PlatformFiguresView'];
export type DayFigures = Schemas['DayFiguresView'];

/** GET /models/{id}/effects: partial dependence with ICE lines and the SHAP summary of the top features. */
export type ModelEffects = Schemas['ModelEffects'];
export type PartialDependence = Schemas['ModelPartialDependence'];
export type ShapSummary = Schemas['ModelShapSummary'];
