/**
 * The ONE-compatible mode: replays a The ONE scenario (external CONN + message events, Epidemic
 * router, FIFO queue) with The ONE's exact semantics and writes its reports, so our engine can be
 * checked number for number against The ONE.
 */
export { runOne, runOneScenario, writeOneReports, reportText } from './run.ts';
export type { OneRunOptions, OneRunResult } from './run.ts';
export { loadOneScenario, buildOneScenario } from './scenario.ts';
export type { OneScenario } from './scenario.ts';
export { interpretSettings, SUPPORTED_REPORTS } from './config.ts';
export type { OneConfig, OneHostGroup, OneReportName } from './config.ts';
export { readSettingsFiles, parseSettingsText, parseOneNumber } from './settings-file.ts';
export type { OneSettings, SettingValue } from './settings-file.ts';
export { parseEventsText, mergeEventLists, MessageTableBuilder, EV_UP, EV_DOWN, EV_CREATE } from './events-file.ts';
export type { OneEventList, OneMessageTable } from './events-file.ts';
export { simulateOne } from './engine.ts';
export type { OneEngineOptions, OneEngineResult } from './engine.ts';
export type { OneListener, PathNode, TransferKind } from './listener.ts';
export { javaDoubleToString, javaFixed } from './java-format.ts';
export { EventLogReport, MessageStatsReport, DeliveredMessagesReport } from './reports/index.ts';
export type { OneMessageStats } from './reports/index.ts';
