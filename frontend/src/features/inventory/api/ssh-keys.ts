import { api, call } from '@/api/client';
import type { components } from '@/api/generated/schema';
import { toItemPage, type ItemResource } from './resource';

export type SshKeyView = components['schemas']['SshKeyView'];
export type SshKeyInput = components['schemas']['SshKey'];

export const sshKeys: ItemResource<SshKeyView, SshKeyInput> = {
  name: 'ssh-keys',
  keyOf: (key) => key.name ?? '',
  list: async (query) =>
    toItemPage(await call(api.GET('/api/v1/ssh-keys', { params: { query } })), query),
  get: (key) => call(api.GET('/api/v1/ssh-keys/{key}', { params: { path: { key } } })),
  create: (body) => call(api.POST('/api/v1/ssh-keys', { body })),
  replace: (key, body) =>
    call(api.PUT('/api/v1/ssh-keys/{key}', { params: { path: { key } }, body })),
  remove: (key) => call(api.DELETE('/api/v1/ssh-keys/{key}', { params: { path: { key } } })),
};
