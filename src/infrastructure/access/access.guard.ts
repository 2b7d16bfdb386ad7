import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphqlContext } from '../graphql/graphql-context';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../../shared/app-errors';
import { ACCESS_METADATA, type AccessRequirement } from './access.decorators';
import { isUuid } from '../../shared/uuid';
import { TenantAccessService } from './tenant-access.service';

/** Global guard for GraphQL: enforces each resolver's declared requirement, and denies resolvers that declare none. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: TenantAccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true; // REST is health only
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType?: { name: string } }>();
    // Field resolvers on object types inherit their parent's check; only root operations are gated here.
    if (info?.parentType && !['Query', 'Mutation', 'Subscription'].includes(info.parentType.name)) return true;
    const { user, requestId } = gql.getContext<GraphqlContext>();
    if (!user) throw new UnauthenticatedError();
    const requirement = this.reflector.getAllAndOverride<AccessRequirement | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!requirement) throw new ForbiddenError('This operation declares no access rule', 'undeclared_access');
    switch (requirement.kind) {
      case 'authenticated':
        return true;
      case 'platformAdmin':
        if (!this.access.isPlatformAdmin(user))
          throw new ForbiddenError('Platform administrators only', 'platform_admin_required');
        return true;
      case 'tenantRole': {
        const tenantId = readPath(gql.getArgs(), requirement.tenantIdArg);
        if (typeof tenantId !== 'string' || !tenantId)
          throw new ForbiddenError(`Missing tenant argument ${requirement.tenantIdArg}`, 'tenant_required');
        // Malformed ids are the caller's typo, not a hint about existence: say so before any lookup.
        const field = requirement.tenantIdArg.split('.').at(-1) ?? requirement.tenantIdArg;
        if (!isUuid(tenantId)) throw new BadUserInputError(`${field} must be a tenant id (UUID)`, field);
        await this.access.assertRole(user, tenantId, requirement.role, 'Tenant', requestId);
        return true;
      }
    }
  }
}

function readPath(source: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      source,
    );
}
