import type { SaveNotice } from '@/utils/save-messages';
import './form-notice.css';

/**
 * Where the last change went when it did not go to sync. A change that was not kept interrupts
 * (alert); one kept on this device only is said politely (status), since nothing was lost.
 */
export function SaveNoticeView({ notice }: { notice: SaveNotice | null }) {
  if (notice === null) return null;
  return notice.kind === 'not-saved' ? (
    <p class="form-error save-notice" role="alert">
      {notice.text}
    </p>
  ) : (
    <p class="form-done save-notice" role="status">
      {notice.text}
    </p>
  );
}
