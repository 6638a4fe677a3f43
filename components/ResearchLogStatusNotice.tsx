import type { LogStatus } from '@/utils/research-log-settings';
import './form-notice.css';

const day = (time: number) => new Date(time).toLocaleDateString(undefined, { dateStyle: 'medium' });
const visits = (count: number) => `${count.toLocaleString()} visit${count === 1 ? '' : 's'}`;

/** What went wrong with saving the research log, said on the dashboard and in the options; nothing when all is well. */
export function ResearchLogStatusNotice({ status, onDismiss }: { status: LogStatus | null; onDismiss?: () => void }) {
  if (status === null || (status.fullSince === null && status.droppedVisits === 0 && status.failedVisits === 0)) {
    return null;
  }
  return (
    <div class="form-error research-log-status" role="alert">
      {(status.fullSince !== null || status.droppedVisits > 0) && (
        <p>
          The browser’s storage for the extension is full
          {status.fullSince === null ? '' : ` (since ${day(status.fullSince)})`}: the newest{' '}
          {visits(status.droppedVisits)} could not be saved; older entries are kept. Delete entries you no longer need,
          or keep them for fewer days, to make room.
        </p>
      )}
      {status.failedVisits > 0 && (
        <p>{visits(status.failedVisits)} could not be saved: the browser’s database failed after several tries.</p>
      )}
      {onDismiss && (
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
