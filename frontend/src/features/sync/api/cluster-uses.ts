import { api, call } from '@/api/client';

/** What a cluster on this server uses: its member nodes, and the SSH keys those use. */
export interface ClusterUses {
  nodes: string[];
  sshKeys: string[];
}

/**
 * Reads a cluster and its member nodes from this server's inventory (GET
 * /clusters/{name}, then /nodes/{hostname} per member), for the dependency
 * prompt of a selected cluster. A member that cannot be read uses no key.
 */
export async function fetchClusterUses(name: string, signal?: AbortSignal): Promise<ClusterUses> {
  const cluster = await call(
    api.GET('/api/v1/clusters/{key}', { params: { path: { key: name } }, signal }),
  );
  const nodes = cluster.nodes.map((member) => member.hostname);
  const keys = await Promise.all(
    nodes.map((hostname) =>
      call(api.GET('/api/v1/nodes/{key}', { params: { path: { key: hostname } }, signal })).then(
        (node) => node.ssh_key,
        () => null,
      ),
    ),
  );
  const sshKeys = [...new Set(keys.filter((key): key is string => Boolean(key)))];
  return { nodes, sshKeys };
}
