import type { GraphClient, GraphContract, GraphSettings } from '../../../infrastructure/graph';
import { assignmentBodies, mapPayloadIds, type IdResolver } from '../domain/mapping';
import type { SourceItem } from '../domain/restore-model';
import { childBodies, writeBody } from '../domain/write-payload';

const asArray = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);

/**
 * The Graph calls that write one item, per type (graph-facts §1, restore-facts §1): the raw backed-up JSON without its
 * read-only fields and with mapped ids, then the type's child calls, then its assignments.
 */
export class ItemWriter {
  constructor(
    private readonly client: GraphClient,
    private readonly settings: Pick<GraphSettings, 'graphBaseUrl'>,
  ) {}

  /** POST; settings catalog settings and compliance scheduled actions travel inline (Graph requires them there). */
  async create(contract: GraphContract, item: SourceItem, resolve: IdResolver): Promise<string> {
    const keep =
      contract.typeKey === 'settingsCatalogPolicy'
        ? ['settings']
        : contract.typeKey === 'deviceCompliancePolicy'
          ? ['scheduledActionsForRule']
          : [];
    const body = this.body(contract, item, resolve, keep);
    const created = await this.client.create(contract, body);
    return String(created.id);
  }

  /** PATCH, or PUT with the settings for the settings catalog (PATCH cannot change settings). */
  async update(contract: GraphContract, item: SourceItem, targetId: string, resolve: IdResolver): Promise<void> {
    const keep = contract.typeKey === 'settingsCatalogPolicy' ? ['settings'] : [];
    const body = this.body(contract, item, resolve, keep);
    // The concrete type of an existing object never changes; PATCH bodies carry it only where Graph needs it.
    await this.client.update(contract, targetId, body);
  }

  /** Child calls after create or update: what a POST/PATCH of the object itself does not carry. */
  async children(
    contract: GraphContract,
    item: SourceItem,
    targetId: string,
    created: boolean,
    resolve: IdResolver,
  ): Promise<void> {
    const base = `${contract.collectionPath}/${encodeURIComponent(targetId)}`;
    const version = contract.apiVersion;
    const p = item.payload;
    if (contract.typeKey === 'deviceCompliancePolicy' && !created && Array.isArray(p.scheduledActionsForRule)) {
      const mapped = mapPayloadIds(contract.typeKey, { scheduledActionsForRule: p.scheduledActionsForRule }, resolve);
      await this.client.request('POST', `${base}/scheduleActionsForRules`, {
        version,
        body: { deviceComplianceScheduledActionForRules: childBodies(mapped.scheduledActionsForRule) },
      });
    }
    if (contract.typeKey === 'groupPolicyConfiguration') await this.definitionValues(base, version, p, created);
    if (
      (contract.typeKey === 'iosManagedAppProtection' || contract.typeKey === 'androidManagedAppProtection') &&
      Array.isArray(p.apps)
    ) {
      const body: Record<string, unknown> = { apps: childBodies(p.apps) };
      if (typeof p.appGroupType === 'string') body.appGroupType = p.appGroupType;
      await this.client.request('POST', `${base}/targetApps`, { version, body });
    }
    if (contract.typeKey === 'deviceConfiguration' && asArray(p.privacyAccessControls).length > 0) {
      await this.client.request('POST', `${base}/windowsPrivacyAccessControls`, {
        version,
        body: { windowsPrivacyAccessControls: childBodies(p.privacyAccessControls) },
      });
    }
  }

  /** Replaces the target's assignments with the backed-up ones (mapped); nothing to send for a new object without any. */
  async assignments(
    contract: GraphContract,
    item: SourceItem,
    targetId: string,
    created: boolean,
    resolve: IdResolver,
  ): Promise<number> {
    if (!contract.assignments) return 0;
    const bodies = assignmentBodies(contract.typeKey, item.assignments, resolve);
    if (created && bodies.length === 0) return 0;
    await this.client.assign(contract, targetId, bodies);
    return bodies.length;
  }

  private body(
    contract: GraphContract,
    item: SourceItem,
    resolve: IdResolver,
    keep: string[],
  ): Record<string, unknown> {
    const body = mapPayloadIds(contract.typeKey, writeBody(contract, item.payload, keep), resolve);
    if (contract.typeKey === 'deviceConfiguration') delete body.privacyAccessControls;
    if (contract.typeKey === 'roleAssignment') {
      const roleId = (item.payload.roleDefinition as Record<string, unknown> | undefined)?.id;
      if (typeof roleId === 'string')
        body['roleDefinition@odata.bind'] =
          `${this.settings.graphBaseUrl}/${contract.apiVersion}/deviceManagement/roleDefinitions('${resolve('roleDefinition', roleId)}')`;
    }
    // A GET on an app-protection type URL omits @odata.type; Graph wants it on POST (restore-facts §1).
    if (typeof body['@odata.type'] !== 'string' && !contract.polymorphic) body['@odata.type'] = contract.odataType;
    return body;
  }

  /** Administrative templates: values go through updateDefinitionValues (an update first deletes what is there). */
  private async definitionValues(
    base: string,
    version: GraphContract['apiVersion'],
    p: Record<string, unknown>,
    created: boolean,
  ): Promise<void> {
    const values = asArray(p.definitionValues);
    let deletedIds: string[] = [];
    if (!created) {
      const existing = await this.client.request<{ value?: Array<{ id: string }> }>('GET', `${base}/definitionValues`, {
        version,
      });
      deletedIds = (existing.value ?? []).map((v) => v.id);
    }
    if (values.length === 0 && deletedIds.length === 0) return;
    const defs = `${this.settings.graphBaseUrl}/${version}/deviceManagement/groupPolicyDefinitions`;
    const added = values.map((v) => {
      const defId = String((v.definition as Record<string, unknown> | undefined)?.id ?? '');
      return {
        enabled: v.enabled ?? true,
        'definition@odata.bind': `${defs}('${defId}')`,
        presentationValues: asArray(v.presentationValues).map((pv) => {
          const { presentation, id: _id, ...rest } = pv;
          const presId = String((presentation as Record<string, unknown> | undefined)?.id ?? '');
          return {
            ...childBodies([rest])[0],
            'presentation@odata.bind': `${defs}('${defId}')/presentations('${presId}')`,
          };
        }),
      };
    });
    await this.client.request('POST', `${base}/updateDefinitionValues`, {
      version,
      body: { added, updated: [], deletedIds },
    });
  }
}
