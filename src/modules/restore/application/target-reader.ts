import { GRAPH_CONTRACTS, isGraphTypeKey, type GraphClient, type GraphContract } from '../../../infrastructure/graph';
import { fingerprintOf } from '../domain/matching';
import type { TargetObject } from '../domain/restore-model';

/** Live objects of one type in the target (id, name, type; fingerprints come from a GET of the one object). */
export async function listTargetObjects(client: GraphClient, typeKey: string): Promise<TargetObject[]> {
  if (!isGraphTypeKey(typeKey)) return [];
  const contract = GRAPH_CONTRACTS[typeKey];
  const out: TargetObject[] = [];
  for await (const page of client.list(contract, { select: contract.listSelect }))
    for (const o of page.items) out.push(toTarget(contract, o));
  return out;
}

export function toTarget(contract: GraphContract, o: Record<string, unknown>): TargetObject {
  return {
    id: String(o.id),
    name: String(o[contract.nameField] ?? ''),
    // A GET on an app-protection type URL omits @odata.type (restore-facts): the contract's type stands in.
    odataType:
      typeof o['@odata.type'] === 'string' ? o['@odata.type'] : contract.polymorphic ? null : contract.odataType,
    fingerprint: fingerprintOf(o),
  };
}

/** The live object with the sub-resources a backup holds inline (for the diff), or null when it is gone. */
export async function readFull(
  client: GraphClient,
  contract: GraphContract,
  id: string,
): Promise<Record<string, unknown> | null> {
  try {
    return await client.get(contract, id, { expand: contract.backup.expand });
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

/** The live object without expansions (fingerprint check before a write), or null when it is gone. */
export async function readCurrent(
  client: GraphClient,
  contract: GraphContract,
  id: string,
): Promise<Record<string, unknown> | null> {
  try {
    return await client.get(contract, id);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

const POLICY_TEMPLATES = { path: '/deviceManagement/configurationPolicyTemplates', version: 'beta' } as const;

/**
 * Each settings-catalog template the plan's policies refer to, as the target reports it: its lifecycle state, or null
 * when the target does not know the id (404). A lookup failing otherwise leaves the id out: Graph decides at write
 * time, and the preview does not fail over a check.
 */
export async function templateStatesOf(
  client: GraphClient,
  templateIds: readonly string[],
): Promise<Map<string, string | null>> {
  const states = new Map<string, string | null>();
  for (const id of templateIds) {
    try {
      const template = await client.get(POLICY_TEMPLATES, id, { select: ['id', 'lifecycleState'] });
      states.set(id, typeof template.lifecycleState === 'string' ? template.lifecycleState : 'active');
    } catch (error) {
      if ((error as { status?: number }).status === 404) states.set(id, null);
    }
  }
  return states;
}
