// Rolling an entry back from its page: the dry run's preview, a decision per
// item changed since (keep it, or overwrite it), the confirmation, and the
// result with its own entry; refusals shown as the server's problems.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json, problem, type FakeApi } from '@/testing/fake-api';
import {
  counts,
  historyDetail,
  historyEntry,
  historyItem,
  rollbackConflict,
  rollbackResult,
} from '@/testing/history-factories';
import { renderApp } from '@/testing/render-app';

const ID = '11111111-1111-4111-8111-111111111111';
const ROLLBACK_ID = '44444444-4444-4444-8444-444444444444';
const ENTRY_PATH = `/api/v1/sync/history/${ID}`;
const ROLLBACK_PATH = `${ENTRY_PATH}/rollback`;

const CONFLICTS = [
  rollbackConflict({ key: 'node-01' }),
  rollbackConflict({ kind: 'clusters', key: 'production', current_hash: null }),
];

let api: FakeApi;
let rolledBack: boolean;

/** Answers a dry run with `preview` and a real rollback with its result. */
function answerRollbacks(preview = rollbackResult()) {
  api.on('POST', ROLLBACK_PATH, (request) => {
    const body = request.body as { dry_run: boolean; keep?: unknown[] };
    if (body.dry_run) return json(200, preview);
    rolledBack = true;
    return json(
      200,
      rollbackResult({
        ...preview,
        dry_run: false,
        history_id: ROLLBACK_ID,
        kept: counts({ nodes: body.keep?.length ?? 0 }),
      }),
    );
  });
}

beforeEach(() => {
  rolledBack = false;
  api = fakeApi().on('GET', ENTRY_PATH, () =>
    json(
      200,
      historyDetail(historyEntry({ rolled_back_by: rolledBack ? ROLLBACK_ID : null }), [
        historyItem(),
      ]),
    ),
  );
});

function rollbackBodies() {
  return api.sentTo('POST', ROLLBACK_PATH).map((request) => request.body);
}

async function openPreview() {
  const view = renderApp(`/history/${ID}`);
  await view.user.click(await screen.findByRole('button', { name: 'Roll back…' }));
  await screen.findByRole('region', { name: 'Preview (dry run)' });
  return view;
}

describe('Rollback', () => {
  it('previews as a dry run, confirms, and links the rollback’s own entry', async () => {
    answerRollbacks(
      rollbackResult({ restored: counts({ nodes: 1 }), deleted: counts({ nodes: 2 }) }),
    );
    const { user } = await openPreview();
    expect(rollbackBodies()).toEqual([{ dry_run: true, force: false }]);
    const preview = screen.getByRole('region', { name: 'Preview (dry run)' });
    expect(preview).toHaveTextContent(
      'Rolling back would restore 1 node and delete 2 nodes on this server.',
    );
    expect(preview).toHaveTextContent('No item was changed again since the entry');
    expect(screen.getByRole('heading', { name: 'Preview (dry run)' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    const dialog = screen.getByRole('dialog', { name: 'Roll back this push from server-a?' });
    expect(dialog).toHaveTextContent('this restores 1 node and deletes 2 nodes');
    expect(rollbackBodies()).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));

    await screen.findByRole('heading', { name: 'Rolled back' });
    expect(rollbackBodies()[1]).toEqual({ dry_run: false, force: false });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Rolled back: restored 1 node and deleted 2 nodes.',
    );
    expect(screen.getByRole('link', { name: 'Open the rollback’s entry' })).toHaveAttribute(
      'href',
      `/history/${ROLLBACK_ID}`,
    );
    // The entry is read again and now shows who rolled it back.
    await waitFor(() =>
      expect(screen.getByTestId('entry-facts')).toHaveTextContent('Rolled back by entry 44444444'),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks a decision for each item changed since, and sends the kept ones by name', async () => {
    answerRollbacks(rollbackResult({ conflicts: CONFLICTS, conflict_count: 2 }));
    const { user } = await openPreview();
    const conflicts = screen.getByTestId('rollback-conflicts');
    expect(conflicts).toHaveTextContent('2 items were changed again since this entry');
    const node = within(conflicts).getByRole('group', { name: 'What to do with node node-01' });
    expect(node).toHaveTextContent('node node-01: changed since');
    expect(within(node).getByRole('link', { name: 'see it now' })).toHaveAttribute(
      'href',
      '/nodes/node-01/edit',
    );
    const cluster = within(conflicts).getByRole('group', {
      name: 'What to do with cluster production',
    });
    expect(cluster).toHaveTextContent('cluster production: deleted since');

    const rollBack = screen.getByRole('button', { name: 'Roll back' });
    expect(rollBack).toBeDisabled();
    expect(screen.getByText('Decide each item changed since the entry first.')).toBeInTheDocument();

    await user.click(within(node).getByRole('radio', { name: 'Keep as it is now' }));
    expect(rollBack).toBeDisabled();
    await user.click(within(cluster).getByRole('radio', { name: 'Keep as it is now' }));
    expect(rollBack).toBeEnabled();

    await user.click(rollBack);
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('confirm-conflicts')).toHaveTextContent(
      'Of the 2 items changed again since: 2 stay as they are now, 0 are overwritten',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    await screen.findByRole('heading', { name: 'Rolled back' });
    expect(rollbackBodies()[1]).toEqual({
      dry_run: false,
      force: false,
      keep: [
        { kind: 'nodes', key: 'node-01' },
        { kind: 'clusters', key: 'production' },
      ],
    });
    expect(screen.getByRole('status')).toHaveTextContent('kept 2 nodes unchanged');
  });

  it('overwrites with force, keeping only what the operator kept', async () => {
    answerRollbacks(rollbackResult({ conflicts: CONFLICTS, conflict_count: 2 }));
    const { user } = await openPreview();
    await user.click(screen.getByRole('button', { name: 'Overwrite all' }));
    const node = screen.getByRole('group', { name: 'What to do with node node-01' });
    expect(
      within(node).getByRole('radio', { name: 'Overwrite with its content from before the entry' }),
    ).toBeChecked();
    await user.click(within(node).getByRole('radio', { name: 'Keep as it is now' }));

    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('1 stay as they are now, 1 is overwritten');
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    await screen.findByRole('heading', { name: 'Rolled back' });
    expect(rollbackBodies()[1]).toEqual({
      dry_run: false,
      force: true,
      keep: [{ kind: 'nodes', key: 'node-01' }],
    });
  });

  it('overwrites conflicts the preview could not list, and says so', async () => {
    answerRollbacks(rollbackResult({ conflicts: [CONFLICTS[0]!], conflict_count: 1001 }));
    const { user } = await openPreview();
    expect(screen.getByTestId('rollback-conflicts')).toHaveTextContent(
      '1000 more are not listed: a rollback overwrites them',
    );
    await user.click(screen.getByRole('button', { name: 'Keep all as they are now' }));
    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Roll back' }));
    await screen.findByRole('heading', { name: 'Rolled back' });
    expect(rollbackBodies()[1]).toEqual({
      dry_run: false,
      force: true,
      keep: [{ kind: 'nodes', key: 'node-01' }],
    });
  });

  it('shows a refusal for items changed since the preview, and previews again', async () => {
    const { user } = await (async () => {
      answerRollbacks();
      return openPreview();
    })();
    api.on(
      'POST',
      ROLLBACK_PATH,
      problem(409, {
        code: 'rollback-conflicts',
        title: 'Rollback conflicts',
        detail:
          "1 item was changed again since this entry, first nodes 'node-01'; nothing was rolled back",
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Roll back' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not rolled back');
    expect(alert).toHaveTextContent("first nodes 'node-01'; nothing was rolled back");
    expect(alert).toHaveTextContent('preview again');
    expect(alert).toHaveFocus();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    answerRollbacks(rollbackResult({ conflicts: [CONFLICTS[0]!], conflict_count: 1 }));
    await user.click(screen.getByRole('button', { name: 'Preview again' }));
    await screen.findByRole('group', { name: 'What to do with node node-01' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows why the preview was refused, e.g. an entry rolled back meanwhile', async () => {
    api.on(
      'POST',
      ROLLBACK_PATH,
      problem(409, {
        code: 'conflict',
        detail: `history entry ${ID} was rolled back already, by ${ROLLBACK_ID}`,
      }),
    );
    const { user } = renderApp(`/history/${ID}`);
    await user.click(await screen.findByRole('button', { name: 'Roll back…' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not preview the rollback');
    expect(alert).toHaveTextContent('was rolled back already');
  });

  it('is not offered for an entry rolled back already', async () => {
    rolledBack = true;
    renderApp(`/history/${ID}`);
    await screen.findByTestId('rolled-back-note');
    expect(screen.queryByRole('button', { name: 'Roll back…' })).not.toBeInTheDocument();
  });

  it('changes nothing when the operator cancels the confirmation', async () => {
    answerRollbacks();
    const { user } = await openPreview();
    await user.click(screen.getByRole('button', { name: 'Roll back' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(rollbackBodies()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Roll back…' })).toBeInTheDocument();
  });
});
