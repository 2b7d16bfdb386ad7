import type { GraphContract } from '../../../infrastructure/graph';
import type { SourceItem } from './restore-model';

const CONTENT_APP =
  /(win32Lob|windowsMobileMSI|windowsUniversalAppX|windowsAppX|msix|iosLob|androidLob|macOSLob|macOSDmg|macOSPkg)App$/i;

export interface PreflightContext {
  contract: GraphContract | null;
  /** From the token the preview held; null when the tenant was never verified (then Graph decides). */
  canWrite: boolean | null;
  sameTenant: boolean;
  /**
   * Settings-catalog templates as the target reported them: the lifecycle state, or null when it does not know the
   * id. An id missing from the map was not checked (the lookup failed): Graph decides at write time.
   */
  templates: ReadonlyMap<string, string | null>;
}

/** Template states a policy can be written against; an older version fails in Graph ("Invalid Reference id…"). */
const USABLE_TEMPLATE_STATES = new Set(['active', 'draft']);

/** The versioned template ids (`<guid>_<version>`) a settings-catalog item refers to, for the target lookup. */
export function templateIdsOf(items: readonly SourceItem[]): string[] {
  const ids = items
    .filter((item) => item.typeKey === 'settingsCatalogPolicy')
    .map((item) => templateIdOf(item.payload))
    .filter((id): id is string => id !== null);
  return [...new Set(ids)];
}

/** Every reason an item cannot be written, whatever its mappings (the issue's pre-flight list). */
export function preflightReasons(item: SourceItem, ctx: PreflightContext): string[] {
  const reasons: string[] = [];
  const { contract } = ctx;
  if (!contract) return [`unknown type ${item.typeKey}`];
  if (!contract.restorable) {
    const content = CONTENT_APP.test(String(item.odataType ?? ''))
      ? ': its content (the binary) cannot be restored, metadata only'
      : '';
    reasons.push(`${contract.label} is not restorable${content}`);
    return reasons;
  }
  if (ctx.canWrite === false)
    reasons.push(`missing write permission for ${contract.label}: one of ${contract.permissions.write.join(', ')}`);
  if (item.needsSecretReentry)
    reasons.push(
      `secret values need re-entry (the backup holds placeholders)${item.secretPaths.length ? `: ${item.secretPaths.join(', ')}` : ''}`,
    );
  const templateId = item.typeKey === 'settingsCatalogPolicy' ? templateIdOf(item.payload) : null;
  const templateState = templateId ? ctx.templates.get(templateId) : undefined;
  if (templateState === null) reasons.push(`settings-catalog template ${templateId} is not offered by the target`);
  else if (templateState !== undefined && !USABLE_TEMPLATE_STATES.has(templateState))
    reasons.push(
      `settings-catalog template ${templateId} is ${templateState} in the target: Graph accepts only a current version; recreate the policy from the current template`,
    );
  if (item.typeKey === 'groupPolicyConfiguration' && !ctx.sameTenant && usesCustomAdmx(item.payload))
    reasons.push('uses custom ADMX definitions, whose ids differ per tenant: upload the ADMX to the target first');
  return reasons;
}

function templateIdOf(payload: Record<string, unknown>): string | null {
  const ref = payload.templateReference as Record<string, unknown> | undefined;
  return typeof ref?.templateId === 'string' && ref.templateId !== '' ? ref.templateId : null;
}

function usesCustomAdmx(payload: Record<string, unknown>): boolean {
  if (payload.policyConfigurationIngestionType === 'custom') return true;
  const values = Array.isArray(payload.definitionValues) ? payload.definitionValues : [];
  return values.some(
    (v: Record<string, unknown>) =>
      (v.definition as Record<string, unknown> | undefined)?.policyType === 'admxIngested' ||
      (v.definition as Record<string, unknown> | undefined)?.policyConfigurationIngestionType === 'custom',
  );
}
