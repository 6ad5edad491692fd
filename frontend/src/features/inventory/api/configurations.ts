import { api, call } from '@/api/client';
import type { components } from '@/api/generated/schema';
import { toItemPage, type ItemResource } from './resource';

export type ConfigurationView = components['schemas']['ConfigurationView'];
export type ConfigurationInput = components['schemas']['Configuration'];
export type ConfigurationKind = NonNullable<ConfigurationInput['kind']>;

// A map rather than a list, so the compiler holds it to the contract's enum.
const CONFIGURATION_KIND_SET = {
  config: true,
  playbook: true,
  template: true,
} satisfies Record<ConfigurationKind, true>;

export const CONFIGURATION_KINDS = Object.keys(
  CONFIGURATION_KIND_SET,
) as readonly ConfigurationKind[];

export const configurations: ItemResource<ConfigurationView, ConfigurationInput> = {
  name: 'configurations',
  keyOf: (configuration) => configuration.name ?? '',
  list: async (query) =>
    toItemPage(await call(api.GET('/api/v1/configurations', { params: { query } })), query),
  get: (key) => call(api.GET('/api/v1/configurations/{key}', { params: { path: { key } } })),
  create: (body) => call(api.POST('/api/v1/configurations', { body })),
  replace: (key, body) =>
    call(api.PUT('/api/v1/configurations/{key}', { params: { path: { key } }, body })),
  remove: (key) => call(api.DELETE('/api/v1/configurations/{key}', { params: { path: { key } } })),
};
