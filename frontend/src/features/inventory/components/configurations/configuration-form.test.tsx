import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, validationProblem } from '@/testing/fake-api';
import { configurationView, page } from '@/testing/factories';
import { renderApp } from '@/testing/render-app';

describe('Configuration form', () => {
  it('shows the YAML error with its line and column under the content', async () => {
    const yamlError = 'is not valid YAML at line 2, column 3: mapping values are not allowed here';
    const api = fakeApi().on(
      'POST',
      '/api/v1/configurations',
      validationProblem([{ field: 'content', message: yamlError }]),
    );
    const { user } = renderApp('/configurations/new');

    await user.type(screen.getByLabelText(/^Name/), 'broken');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'playbook');
    await user.click(screen.getByLabelText(/^Content/));
    await user.paste('a: b\n  c: d\n');
    await user.click(screen.getByRole('button', { name: 'Create configuration' }));

    const content = screen.getByLabelText(/^Content/);
    await waitFor(() => expect(content).toHaveAccessibleDescription(new RegExp(`^${yamlError}`)));
    expect(content).toHaveFocus();
    expect(api.sentTo('POST', '/api/v1/configurations')[0]?.body).toEqual({
      name: 'broken',
      kind: 'playbook',
      content: 'a: b\n  c: d\n',
    });
  });

  it('keeps the content exactly as typed when saving an edit', async () => {
    const content = '# values\nreplicas: 3\n';
    const api = fakeApi()
      .on('GET', '/api/v1/configurations/{key}', json(200, configurationView({ content })))
      .on('PUT', '/api/v1/configurations/{key}', (request) => json(200, request.body))
      .on('GET', '/api/v1/configurations', json(200, page([configurationView()])));
    const { user } = renderApp('/configurations/ingress-values/edit');

    expect(await screen.findByLabelText(/^Content/)).toHaveValue(content);
    await user.click(screen.getByLabelText('Settings'));
    await user.paste('{"namespace": "ingress"}');
    await user.click(screen.getByRole('button', { name: 'Save configuration' }));

    await screen.findByText('Configuration ingress-values saved.');
    expect(api.sentTo('PUT', '/api/v1/configurations/ingress-values')[0]?.body).toEqual({
      name: 'ingress-values',
      kind: 'config',
      content,
      settings: { namespace: 'ingress' },
    });
  });
});
