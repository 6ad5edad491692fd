// Items as the API returns them, with only what a test cares about to set.
import type { components } from '@/api/generated/schema';

type Schemas = components['schemas'];

export function page<T>(
  items: T[],
  overrides: { page?: number; size?: number; total?: number } = {},
) {
  return { items, page: 0, size: 20, total: items.length, ...overrides };
}

export function nodeView(overrides: Partial<Schemas['NodeView']> = {}): Schemas['NodeView'] {
  return {
    hostname: 'node-01',
    ip: '192.168.1.10',
    username: 'ubuntu',
    ssh_port: 22,
    microk8s_status: 'unknown',
    ssh_key: null,
    wol: null,
    hardware: null,
    content_hash: 'hash-node',
    change_seq: 1,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function sshKeyView(overrides: Partial<Schemas['SshKeyView']> = {}): Schemas['SshKeyView'] {
  return {
    name: 'deploy',
    public_key:
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops',
    fingerprint: 'SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    has_private_key: false,
    path: null,
    content_hash: 'hash-key',
    change_seq: 1,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function clusterView(
  overrides: Partial<Schemas['ClusterView']> = {},
): Schemas['ClusterView'] {
  return {
    name: 'production',
    description: null,
    ha_enabled: false,
    settings: null,
    nodes: [],
    content_hash: 'hash-cluster',
    change_seq: 1,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function configurationView(
  overrides: Partial<Schemas['ConfigurationView']> = {},
): Schemas['ConfigurationView'] {
  return {
    name: 'ingress-values',
    kind: 'config',
    content: 'replicas: 3\n',
    settings: null,
    content_hash: 'hash-configuration',
    change_seq: 1,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}
