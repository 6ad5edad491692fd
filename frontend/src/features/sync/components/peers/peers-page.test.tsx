// The peers page: the registered peers in a table, added with the server's
// field errors under their inputs, edited with the stored password kept unless
// replaced or removed, and deleted after a confirmation.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json, problem, validationProblem, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import { peer } from '@/testing/sync-factories';

const PEERS = '/api/v1/sync/peers';
const PIN = Array.from({ length: 32 }, () => 'AB').join(':');
const JOB = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const EU = peer({
  name: 'production-eu',
  url: 'https://eu.example.com:5000',
  fingerprint: PIN,
  has_password: true,
  server_id: 'id-eu',
  server_name: 'eu-1',
  last_contact_at: '2026-03-04T10:00:00Z',
  replication: { state: 'checkpoint', checkpoint_id: 'cp-1', local_seq: 12, remote_seq: 9 },
  last_job: {
    id: JOB,
    status: 'completed',
    direction: 'push',
    started_at: '2026-03-04T10:01:00Z',
    finished_at: '2026-03-04T10:01:02Z',
  },
});
const LAB = peer({ name: 'lab', url: 'http://lab:5000' });

let api: FakeApi;

beforeEach(() => {
  api = fakeApi().on('GET', PEERS, json(200, [LAB, EU]));
});

function rowOf(name: string) {
  const row = screen
    .getAllByRole('row')
    .find((candidate) => candidate.getAttribute('data-peer') === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('the peers page', () => {
  it('is linked in the navigation and lists each peer', async () => {
    renderApp('/sync/peers');
    expect(screen.getByRole('link', { name: 'Peers' })).toHaveAttribute('href', '/sync/peers');
    await screen.findByRole('button', { name: 'Edit production-eu' });

    const eu = within(rowOf('production-eu'));
    expect(eu.getByText('https://eu.example.com:5000')).toBeInTheDocument();
    expect(eu.getByTitle(PIN)).toHaveTextContent('AB:AB:AB…AB:AB');
    expect(eu.getByText('own')).toBeInTheDocument();
    expect(eu.getByText('eu-1')).toHaveAttribute('title', 'id-eu');
    expect(eu.getByRole('time')).toHaveAttribute('dateTime', '2026-03-04T10:00:00Z');
    expect(eu.getByText('checkpoint: here at 12, there at 9')).toBeInTheDocument();
    expect(eu.getByRole('link', { name: 'Open job cccccccc' })).toHaveAttribute(
      'href',
      `/jobs/${JOB}`,
    );
    expect(eu.getByText(/completed, push/)).toBeInTheDocument();

    const lab = within(rowOf('lab'));
    expect(lab.getByText("this server's")).toBeInTheDocument();
    expect(lab.getAllByText('none')).toHaveLength(2); // no pin, no job
    expect(lab.getByText('never')).toBeInTheDocument();
    expect(lab.getByText(/none yet/)).toBeInTheDocument();
  });

  it('says so when there is no peer', async () => {
    api.on('GET', PEERS, json(200, []));
    renderApp('/sync/peers');
    expect(await screen.findByText(/No peer yet/)).toBeInTheDocument();
  });

  it('adds a peer, showing a refusal under the field it is about', async () => {
    const { user } = renderApp('/sync/peers');
    await user.click(await screen.findByRole('button', { name: 'Add peer' }));
    const form = screen.getByRole('form', { name: 'Add a peer' });
    await user.type(within(form).getByLabelText(/Name/), 'Staging');
    await user.type(within(form).getByLabelText(/^URL/), 'http://staging:5000');
    await user.type(within(form).getByLabelText(/Sync password/), 's3cret');
    expect(within(form).getByLabelText(/Sync password/)).toHaveAttribute('type', 'password');

    api.on('POST', PEERS, validationProblem([{ field: 'name', message: 'must be lower-case' }]));
    await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    expect(await within(form).findByText('must be lower-case')).toBeInTheDocument();
    expect(within(form).getByLabelText(/Name/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(api.sentTo('POST', PEERS)[0]?.body).toEqual({
      name: 'Staging',
      url: 'http://staging:5000',
      fingerprint: null,
      password: 's3cret',
    });

    const staging = peer({ name: 'staging', url: 'http://staging:5000', has_password: true });
    api.on('POST', PEERS, json(201, staging)).on('GET', PEERS, json(200, [LAB, EU, staging]));
    await user.clear(within(form).getByLabelText(/Name/));
    await user.type(within(form).getByLabelText(/Name/), 'staging');
    await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    expect(await screen.findByText('Peer staging added.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add a peer' })).toBeNull();
    expect(await screen.findByRole('button', { name: 'Edit staging' })).toBeInTheDocument();
  });

  it('shows a taken name (409) as a message', async () => {
    api.on(
      'POST',
      PEERS,
      problem(409, { code: 'conflict', detail: "a peer named 'lab' exists already" }),
    );
    const { user } = renderApp('/sync/peers');
    await user.click(await screen.findByRole('button', { name: 'Add peer' }));
    const form = screen.getByRole('form', { name: 'Add a peer' });
    await user.type(within(form).getByLabelText(/Name/), 'lab');
    await user.type(within(form).getByLabelText(/^URL/), 'http://lab:5000');
    await user.click(within(form).getByRole('button', { name: 'Add peer' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      "a peer named 'lab' exists already",
    );
    expect(api.sentTo('POST', PEERS)[0]?.body).not.toHaveProperty('password');
  });

  it('edits a peer, keeping its stored password when the field is left empty', async () => {
    api.on('PUT', `${PEERS}/{name}`, (request) =>
      json(200, { ...EU, ...(request.body as object) }),
    );
    const { user } = renderApp('/sync/peers');
    await user.click(await screen.findByRole('button', { name: 'Edit production-eu' }));
    const form = screen.getByRole('form', { name: 'Edit peer production-eu' });
    expect(within(form).queryByLabelText(/Name/)).toBeNull();
    expect(within(form).getByLabelText(/^URL/)).toHaveValue('https://eu.example.com:5000');
    expect(within(form).getByLabelText(/Certificate fingerprint/)).toHaveValue(PIN);
    expect(within(form).getByLabelText(/Sync password/)).toHaveValue('');
    await user.clear(within(form).getByLabelText(/^URL/));
    await user.type(within(form).getByLabelText(/^URL/), 'https://eu2.example.com:5000');
    await user.click(within(form).getByRole('button', { name: 'Save peer' }));

    expect(await screen.findByText('Peer production-eu saved.')).toBeInTheDocument();
    const [sent] = api.sentTo('PUT', `${PEERS}/production-eu`);
    expect(sent?.body).toEqual({ url: 'https://eu2.example.com:5000', fingerprint: PIN });
    expect(sent?.body).not.toHaveProperty('password');
  });

  it('edits a peer: a new password replaces it, "remove" sends an empty one', async () => {
    api.on('PUT', `${PEERS}/{name}`, json(200, EU));
    const { user } = renderApp('/sync/peers');
    await user.click(await screen.findByRole('button', { name: 'Edit production-eu' }));
    let form = screen.getByRole('form', { name: 'Edit peer production-eu' });
    await user.type(within(form).getByLabelText(/Sync password/), 'new-one');
    await user.clear(within(form).getByLabelText(/Certificate fingerprint/));
    await user.click(within(form).getByRole('button', { name: 'Save peer' }));
    await screen.findByText('Peer production-eu saved.');
    expect(api.sentTo('PUT', `${PEERS}/production-eu`)[0]?.body).toEqual({
      url: 'https://eu.example.com:5000',
      fingerprint: null,
      password: 'new-one',
    });

    await user.click(screen.getByRole('button', { name: 'Edit production-eu' }));
    form = screen.getByRole('form', { name: 'Edit peer production-eu' });
    await user.click(within(form).getByLabelText(/Remove the stored password/));
    expect(within(form).getByLabelText(/Sync password/)).toBeDisabled();
    await user.click(within(form).getByRole('button', { name: 'Save peer' }));
    await waitFor(() => expect(api.sentTo('PUT', `${PEERS}/production-eu`)).toHaveLength(2));
    expect(api.sentTo('PUT', `${PEERS}/production-eu`)[1]?.body).toMatchObject({ password: '' });
  });

  it('shows a refused URL under the URL field when editing', async () => {
    api.on('PUT', `${PEERS}/{name}`, validationProblem([{ field: 'url', message: 'bad scheme' }]));
    const { user } = renderApp('/sync/peers');
    await user.click(await screen.findByRole('button', { name: 'Edit lab' }));
    const form = screen.getByRole('form', { name: 'Edit peer lab' });
    expect(within(form).queryByLabelText(/Remove the stored password/)).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Save peer' }));
    expect(await within(form).findByText('bad scheme')).toBeInTheDocument();
    expect(within(form).getByLabelText(/^URL/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('deletes a peer after asking', async () => {
    api.on('DELETE', `${PEERS}/{name}`, () => new Response(null, { status: 204 }));
    const { user } = renderApp('/sync/peers');
    await user.click(await screen.findByRole('button', { name: 'Delete lab' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete peer lab?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.sentTo('DELETE', `${PEERS}/lab`)).toHaveLength(0);

    api.on('GET', PEERS, json(200, [EU]));
    await user.click(screen.getByRole('button', { name: 'Delete lab' }));
    dialog = screen.getByRole('dialog', { name: 'Delete peer lab?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Peer lab deleted.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.sentTo('DELETE', `${PEERS}/lab`)).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete lab' })).toBeNull());
  });
});
