import { api, call } from '@/api/client';
import type { components } from '@/api/generated/schema';
import { toItemPage, type ItemResource } from './resource';

export type ClusterView = components['schemas']['ClusterView'];
export type ClusterInput = components['schemas']['Cluster'];
export type ClusterMember = components['schemas']['Member'];
export type MemberRole = NonNullable<ClusterMember['role']>;

// A map rather than a list, so the compiler holds it to the contract's enum.
const MEMBER_ROLE_SET = {
  'control-plane': true,
  worker: true,
} satisfies Record<MemberRole, true>;

export const MEMBER_ROLES = Object.keys(MEMBER_ROLE_SET) as readonly MemberRole[];

export const clusters: ItemResource<ClusterView, ClusterInput> = {
  name: 'clusters',
  keyOf: (cluster) => cluster.name ?? '',
  list: async (query) =>
    toItemPage(await call(api.GET('/api/v1/clusters', { params: { query } })), query),
  get: (key) => call(api.GET('/api/v1/clusters/{key}', { params: { path: { key } } })),
  create: (body) => call(api.POST('/api/v1/clusters', { body })),
  replace: (key, body) =>
    call(api.PUT('/api/v1/clusters/{key}', { params: { path: { key } }, body })),
  remove: (key) => call(api.DELETE('/api/v1/clusters/{key}', { params: { path: { key } } })),
};
