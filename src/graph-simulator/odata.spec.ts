import { compileSearch, searchTokens } from './directory.handlers';
import { compileFilter } from './odata-filter';
import { decodeSkipToken, encodeSkipToken, parseExpand } from './odata-query';
import { collectionFromContext, stripAnnotations } from './seed-from-exports';
import { completeGroup } from './tenants';

describe('OData helpers', () => {
  it('evaluates the $filter forms the contracts use', () => {
    const item = {
      '@odata.type': '#microsoft.graph.win32LobApp',
      displayName: "O'Brien App",
      isBuiltIn: false,
      appAvailability: null,
      isAssigned: true,
      groupTypes: ['Unified'],
    };
    expect(compileFilter("displayName eq 'o''brien app'")(item)).toBe(true);
    expect(compileFilter('isBuiltIn eq false')(item)).toBe(true);
    expect(compileFilter("isof('microsoft.graph.win32LobApp')")(item)).toBe(true);
    expect(compileFilter("isof('microsoft.graph.iosStoreApp')")(item)).toBe(false);
    expect(compileFilter('(microsoft.graph.managedApp/appAvailability) eq null or isAssigned eq true')(item)).toBe(
      true,
    );
    expect(compileFilter("startswith(displayName,'o''b') and not (isAssigned eq false)")(item)).toBe(true);
    expect(compileFilter("groupTypes/any(c:c eq 'Unified')")(item)).toBe(true);
    expect(() => compileFilter('displayName eq')).toThrow();
    expect(() => compileFilter("substringof('a', displayName)")).toThrow();
  });

  it('parses nested $expand options', () => {
    expect(parseExpand('assignments,scheduledActionsForRule($expand=scheduledActionConfigurations)')).toEqual([
      { name: 'assignments', nested: [] },
      { name: 'scheduledActionsForRule', nested: [{ name: 'scheduledActionConfigurations', nested: [] }] },
    ]);
  });

  it('round-trips opaque skiptokens and rejects forged ones', () => {
    expect(decodeSkipToken(encodeSkipToken(75))).toBe(75);
    expect(() => decodeSkipToken('bm9wZQ')).toThrow();
  });

  it('takes the collection from @odata.context', () => {
    expect(
      collectionFromContext(
        'https://graph.microsoft.com/beta/$metadata#deviceManagement/configurationPolicies(assignments(),settings())/$entity',
      ),
    ).toBe('deviceManagement/configurationPolicies');
    expect(
      collectionFromContext(
        'https://graph.microsoft.com/beta/$metadata#deviceAppManagement/iosManagedAppProtections/$entity',
      ),
    ).toBe('deviceAppManagement/iosManagedAppProtections');
  });

  it('strips every OData annotation except @odata.type, at any depth', () => {
    expect(
      stripAnnotations({
        '@odata.type': 'x',
        '@odata.id': 'y',
        'a@odata.type': 'z',
        a: [{ '@odata.editLink': 'e', b: 1, '@odata.type': 't' }],
      }),
    ).toEqual({ '@odata.type': 'x', a: [{ b: 1, '@odata.type': 't' }] });
  });

  it('tokenizes group names into words and matches $search prefixes', () => {
    expect(searchTokens('SG-Intune-Pilot-Devices-0042')).toEqual(['sg', 'intune', 'pilot', 'devices', '0042']);
    const g = completeGroup({ displayName: 'SG-Intune-Pilot-Devices-0042', description: 'Finance laptops' });
    expect(compileSearch('"displayName:intune pil"')(g)).toBe(true);
    expect(compileSearch('"displayName:tune"')(g)).toBe(false);
    expect(compileSearch('"displayName:nomatch" OR "description:fin"')(g)).toBe(true);
    expect(compileSearch('"displayName:pilot" AND "description:hr"')(g)).toBe(false);
    expect(() => compileSearch('pilot')).toThrow();
  });
});
