import { GRAPH_CONTRACTS, GRAPH_TYPE_KEYS, type GraphTypeKey } from '../../../infrastructure/graph';
import { typeKeysOfFolder } from './archive-folders';

/** What an archived file says about its own type. */
export interface TypeEvidence {
  /** The object's `@odata.type`, if any. */
  odataType: string | null;
  /** The object's `@odata.context` (IntuneManagement exports keep it): it names the Graph collection. */
  odataContext: string | null;
  /** The name of the folder the file sits in. */
  folder: string | null;
}

/**
 * Subtypes of the polymorphic collections follow Graph's naming (`windows10CompliancePolicy`,
 * `azureADWindowsAutopilotDeploymentProfile`, `win32LobApp`); used only when neither the collection nor the folder
 * says more. App *configurations* end in `Configuration` too and belong to no contract, hence the exclusion.
 */
const SUBTYPE_PATTERNS: ReadonlyArray<[GraphTypeKey, RegExp]> = [
  ['deviceCompliancePolicy', /CompliancePolicy$/],
  ['windowsAutopilotDeploymentProfile', /WindowsAutopilotDeploymentProfile$/i],
  ['deviceConfiguration', /^(?!.*AppConfiguration$).*(Configuration|CertificateProfile|TrustedRootCertificate)$/],
  ['mobileApp', /App$/],
];

const BY_ODATA_TYPE = new Map<string, GraphTypeKey>(
  GRAPH_TYPE_KEYS.map((k) => [GRAPH_CONTRACTS[k].odataType.toLowerCase(), k]),
);
const BY_COLLECTION = new Map<string, GraphTypeKey>(
  GRAPH_TYPE_KEYS.map((k) => [GRAPH_CONTRACTS[k].collectionPath.replace(/^\//, '').toLowerCase(), k]),
);

/** `https://graph.microsoft.com/beta/$metadata#deviceManagement/configurationPolicies(settings())/$entity` → the collection. */
function collectionOf(context: string): string | null {
  const hash = context.indexOf('#');
  if (hash < 0) return null;
  const rest = context
    .slice(hash + 1)
    .replace(/\(.*$/, '')
    .replace(/\/\$entity$/, '');
  return rest ? rest.toLowerCase() : null;
}

/**
 * The contract type of an archived object, or null when none fits. `@odata.type` decides when it names a
 * contract. Any other `@odata.type` can only be a subtype of a polymorphic contract (deviceConfiguration,
 * compliance, Autopilot, roles, apps): the collection in `@odata.context` places it, else the folder, else Graph's
 * naming. An object without `@odata.type` (app protection read from its typed collection) is placed by its
 * collection or an unambiguous folder.
 */
export function detectTypeKey(evidence: TypeEvidence): GraphTypeKey | null {
  const odataType = evidence.odataType?.trim() || null;
  if (odataType) {
    const exact = BY_ODATA_TYPE.get(odataType.toLowerCase());
    if (exact) return exact;
  }
  const fits = (key: GraphTypeKey): boolean => (odataType ? GRAPH_CONTRACTS[key].polymorphic : true);

  const collection = evidence.odataContext ? collectionOf(evidence.odataContext) : null;
  const fromCollection = collection ? BY_COLLECTION.get(collection) : undefined;
  if (fromCollection && fits(fromCollection)) return fromCollection;

  const inFolder = evidence.folder ? typeKeysOfFolder(evidence.folder).filter(fits) : [];
  if (inFolder.length === 1) return inFolder[0];

  if (!odataType) return null;
  const name = odataType.replace(/^#?microsoft\.graph\./i, '');
  for (const [key, pattern] of SUBTYPE_PATTERNS) if (pattern.test(name)) return key;
  return null;
}
