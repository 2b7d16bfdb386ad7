/** Administrative templates (groupPolicyConfigurations): metadata on the object, values in definitionValues. */
import { defineContract } from './define-contract';
import { INTUNE_PERMISSIONS } from './permissions';

export const ADMINISTRATIVE_TEMPLATE_CONTRACTS = [
  defineContract({
    typeKey: 'groupPolicyConfiguration',
    label: 'Administrative template',
    collectionPath: '/deviceManagement/groupPolicyConfigurations',
    odataType: '#microsoft.graph.groupPolicyConfiguration',
    platform: { from: 'fixed', value: 'windows' },
    // POST/PATCH carry metadata only; values are read here and written with POST /{id}/updateDefinitionValues.
    backup: {
      expand: ['assignments'],
      subResources: [
        {
          key: 'definitionValues',
          path: 'definitionValues',
          expand: ['definition'],
          perItem: { key: 'presentationValues', path: 'presentationValues', expand: ['presentation'] },
        },
      ],
    },
    readOnlyFields: ['definitionValues'],
    permissions: INTUNE_PERMISSIONS.configuration,
  }),
] as const;
