import { Module } from '@nestjs/common';
import { MeResolver } from './graphql/me.resolver';

@Module({ providers: [MeResolver] })
export class RbacModule {}
