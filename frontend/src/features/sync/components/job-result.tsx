import { formatDuration } from '@/utils/format';
import type { JobCompleted, SideResult } from '../api/types';
import { KINDS } from '../utils/comparison';
import { countsText, kindNoun } from '../utils/format-job';

interface JobResultProps {
  result: JobCompleted;
  remoteName: string;
  /** A sync both ways: each direction's counts are shown too. */
  bothWays?: { localName: string; remoteName: string };
}

/** One sentence for the live region and the top of the result. */
export function resultSentence(result: JobCompleted, remoteName: string): string {
  const applied = countsText(result.applied);
  const deleted = countsText(result.deleted);
  if (result.dry_run) {
    return `Preview: would apply ${applied}; would delete ${deleted}; nothing was changed on ${remoteName}.`;
  }
  const check =
    result.verified === true
      ? 'Verified.'
      : `Not verified: ${result.mismatches?.length ?? 0} items do not match.`;
  return `Sync finished: applied ${applied}; deleted ${deleted}. ${check}`;
}

/** What one direction of a sync both ways did. */
function sideSentence(side: SideResult | undefined, dryRun: boolean): string {
  const would = dryRun ? 'would ' : '';
  return `${would}apply ${countsText(side?.applied)}; ${would}delete ${countsText(side?.deleted)}; skipped ${side?.skipped ?? 0}`;
}

export function JobResult({ result, remoteName, bothWays }: JobResultProps) {
  const dryRun = result.dry_run === true;
  const errors = result.errors ?? [];
  const mismatches = result.mismatches ?? [];
  const leftAlone = result.changed_since_compare ?? [];
  return (
    <div className="job-result" data-testid="job-result">
      <p className="result-sentence">{resultSentence(result, remoteName)}</p>
      {bothWays && (
        <ul className="job-directions" aria-label="Each direction" data-testid="result-directions">
          <li>
            → {bothWays.remoteName}: {sideSentence(result.pushed, dryRun)}
          </li>
          <li>
            ← {bothWays.localName}: {sideSentence(result.pulled, dryRun)}
          </li>
        </ul>
      )}
      {leftAlone.length > 0 && (
        <div className="warning" data-testid="changed-since-compare">
          <p>
            Left alone on {remoteName}: changed there since the comparison. Compare again to see the
            change before syncing these.
          </p>
          <ul>
            {leftAlone.map((item) => (
              <li key={`${item.kind}-${item.key}`}>
                {kindNoun(item.kind)} <strong>{item.key}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!dryRun &&
        (result.verified ? (
          <p className="verified">
            <span aria-hidden="true">✔ </span>
            {bothWays
              ? 'Verified: every item moved now matches on both servers.'
              : `Verified: every item sent now matches on ${remoteName}.`}
          </p>
        ) : (
          <div className="warning">
            <p>Not verified: these items still differ after the sync.</p>
            <ul>
              {mismatches.map((mismatch) => (
                <li key={mismatch}>{mismatch}</li>
              ))}
            </ul>
          </div>
        ))}
      <p className="muted result-legend">
        {dryRun ? 'What the sync would do' : 'What the sync did'} on {remoteName}, by kind. Changed:
        the applied items whose content was different.
      </p>
      <div className="table-wrap">
        <table className="item-table result-table" role="table">
          <caption className="visually-hidden">Result by kind</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Kind
              </th>
              <th scope="col" role="columnheader">
                {dryRun ? 'Would apply' : 'Applied'}
              </th>
              <th scope="col" role="columnheader">
                {dryRun ? 'Would change' : 'Changed'}
              </th>
              <th scope="col" role="columnheader">
                {dryRun ? 'Would delete' : 'Deleted'}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {KINDS.map((kind) => (
              <tr key={kind.id} role="row">
                <th scope="row" role="rowheader">
                  {kind.label}
                </th>
                <td role="cell" data-label={dryRun ? 'Would apply' : 'Applied'}>
                  {result.applied?.[kind.id] ?? 0}
                </td>
                <td role="cell" data-label={dryRun ? 'Would change' : 'Changed'}>
                  {result.changed?.[kind.id] ?? 0}
                </td>
                <td role="cell" data-label={dryRun ? 'Would delete' : 'Deleted'}>
                  {result.deleted?.[kind.id] ?? 0}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Skipped: {result.skipped ?? 0} (unselected conflicts and those no policy decided, newest
        among them when the clocks could not tell which change is newer; items only the remote has;
        items changed on the remote since the comparison) · Took{' '}
        {formatDuration(result.duration_ms ?? 0)}
      </p>
      {errors.length > 0 && (
        <div className="warning">
          <p>The remote reported:</p>
          <ul>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
