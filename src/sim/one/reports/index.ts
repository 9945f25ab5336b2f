/** The three The ONE report formats the ONE-compatible mode writes. */
export { EventLogReport } from './event-log-report.ts';
export { MessageStatsReport } from './message-stats-report.ts';
export type { OneMessageStats } from './message-stats-report.ts';
export { DeliveredMessagesReport, DELIVERED_HEADER } from './delivered-messages-report.ts';
export { ReportSet } from './report-set.ts';
