import { graphPathTemplate } from './graph-request-span';

describe('graphPathTemplate', () => {
  it.each([
    ['/beta/deviceManagement/deviceConfigurations', '/beta/deviceManagement/deviceConfigurations'],
    [
      '/beta/deviceManagement/deviceConfigurations/0f9e1c2a-3b4d-4e5f-8a6b-7c8d9e0f1a2b/assignments',
      '/beta/deviceManagement/deviceConfigurations/{id}/assignments',
    ],
    ['/v1.0/groups/12345', '/v1.0/groups/{id}'],
    [
      '/beta/deviceManagement/configurationPolicies/abc%20def/settings',
      '/beta/deviceManagement/configurationPolicies/{id}/settings',
    ],
    [
      '/beta/deviceAppManagement/mobileApps/microsoft.graph.win32LobApp',
      '/beta/deviceAppManagement/mobileApps/microsoft.graph.win32LobApp',
    ],
    ['/beta/$batch', '/beta/$batch'],
    ['/v1.0/organization', '/v1.0/organization'],
  ])('%s → %s', (path, template) => {
    expect(graphPathTemplate(path)).toBe(template);
  });
});
