import { api, call } from '@/api/client';
import type { components } from '@/api/generated/schema';
import { toItemPage, type ItemResource } from './resource';

export type NodeView = components['schemas']['NodeView'];
export type NodeInput = components['schemas']['Node'];
export type WakeOnLan = components['schemas']['WakeOnLan'];
export type Microk8sStatus = NonNullable<NodeInput['microk8s_status']>;

// A map rather than a list, so the compiler holds it to the contract's enum.
const MICROK8S_STATUS_SET = {
  unknown: true,
  not_installed: true,
  installing: true,
  installed: true,
  running: true,
  stopped: true,
  failed: true,
} satisfies Record<Microk8sStatus, true>;

export const MICROK8S_STATUSES = Object.keys(MICROK8S_STATUS_SET) as readonly Microk8sStatus[];

export const nodes: ItemResource<NodeView, NodeInput> = {
  name: 'nodes',
  keyOf: (node) => node.hostname ?? '',
  list: async (query) =>
    toItemPage(await call(api.GET('/api/v1/nodes', { params: { query } })), query),
  get: (key) => call(api.GET('/api/v1/nodes/{key}', { params: { path: { key } } })),
  create: (body) => call(api.POST('/api/v1/nodes', { body })),
  replace: (key, body) => call(api.PUT('/api/v1/nodes/{key}', { params: { path: { key } }, body })),
  remove: (key) => call(api.DELETE('/api/v1/nodes/{key}', { params: { path: { key } } })),
};
