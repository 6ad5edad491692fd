// The node form's state as text, and the request body it stands for.
import { formatJsonObject, parseJsonObject } from '@/utils/json-object';
import type { Microk8sStatus, NodeInput, NodeView } from '../../api/nodes';
import { optionalInteger, optionalText, textOf, type FieldErrors } from '../form-values';

export interface NodeFormValues {
  hostname: string;
  ip: string;
  username: string;
  sshPort: string;
  sshKey: string;
  microk8sStatus: Microk8sStatus;
  /** Whether the node has Wake-on-LAN settings at all. */
  hasWol: boolean;
  wolMac: string;
  wolEnabled: boolean;
  wolBroadcast: string;
  wolPort: string;
  hardware: string;
}

export function nodeFormValues(node?: NodeView): NodeFormValues {
  return {
    hostname: node?.hostname ?? '',
    ip: node?.ip ?? '',
    username: node?.username ?? '',
    sshPort: textOf(node?.ssh_port ?? 22),
    sshKey: node?.ssh_key ?? '',
    microk8sStatus: node?.microk8s_status ?? 'unknown',
    hasWol: node?.wol !== undefined && node.wol !== null,
    wolMac: node?.wol?.mac ?? '',
    wolEnabled: node?.wol?.enabled ?? false,
    wolBroadcast: node?.wol?.broadcast ?? '',
    wolPort: textOf(node?.wol?.port),
    hardware: formatJsonObject(node?.hardware),
  };
}

export const NODE_FIELDS = [
  'hostname',
  'ip',
  'username',
  'ssh_port',
  'ssh_key',
  'microk8s_status',
  'hardware',
] as const;

export const WOL_FIELDS = ['wol', 'wol.mac', 'wol.enabled', 'wol.broadcast', 'wol.port'] as const;

export function nodeBody(values: NodeFormValues): { body: NodeInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const hardware = parseJsonObject(values.hardware);
  if (!hardware.ok) errors.hardware = hardware.error;
  const body: NodeInput = {
    hostname: values.hostname.trim(),
    ip: values.ip.trim(),
    username: values.username.trim(),
    ssh_port: optionalInteger(values.sshPort, 'ssh_port', errors),
    ssh_key: optionalText(values.sshKey),
    microk8s_status: values.microk8sStatus,
    hardware: hardware.ok ? hardware.value : undefined,
    wol: values.hasWol
      ? {
          mac: values.wolMac.trim(),
          enabled: values.wolEnabled,
          broadcast: optionalText(values.wolBroadcast),
          port: optionalInteger(values.wolPort, 'wol.port', errors),
        }
      : undefined,
  };
  return { body, errors };
}
