/** Worker-thread side of a sweep: receives job requests, runs them, posts results (or errors) back. */
import { parentPort } from 'node:worker_threads';
import { runJob, type JobRequest } from './job.ts';

parentPort!.on('message', (req: JobRequest) => {
  runJob(req).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (e: unknown) => parentPort!.postMessage({ ok: false, index: req.job.index, message: e instanceof Error ? e.message : String(e), user: (e as Error)?.name === 'UserError' || (e as Error)?.name === 'ScenarioError' }),
  );
});
