import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsName } from '../../../infrastructure/graphql/text-validators';

const NAME_DESCRIPTION =
  'Display name, 1–256 characters after trimming; no line breaks, control or invisible formatting characters (bidi overrides, zero-width spaces).';

@InputType({
  description:
    'A certificate credential: the PEM private key (optionally followed by the certificate) and its SHA-256 thumbprint.',
})
export class CertificateCredentialInput {
  @Field() @IsString() @MinLength(100) @MaxLength(20000) pem: string;
  @Field({ description: 'SHA-256 thumbprint, hex (colons and spaces allowed).' })
  @IsString()
  @MaxLength(128)
  thumbprint: string;
}

@InputType()
export class RegisterTenantInput {
  @Field({ description: 'Entra tenant id (GUID).' })
  @IsUUID('all', { message: 'entraTenantId must be a GUID' })
  entraTenantId: string;
  @Field({ description: NAME_DESCRIPTION })
  @IsName(256)
  displayName: string;
  @Field({ description: 'Application (client) id of the app registration (GUID).' })
  @IsUUID('all', { message: 'clientId must be a GUID' })
  clientId: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(1024) clientSecret?: string;
  @Field({ nullable: true, description: 'When the secret expires (shown as credential.expiresAt).' })
  @IsOptional()
  @IsDate()
  clientSecretExpiresAt?: Date;
  @Field(() => CertificateCredentialInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CertificateCredentialInput)
  certificate?: CertificateCredentialInput;
}

@InputType()
export class UpdateTenantCredentialsInput {
  @Field(() => ID) @IsUUID() tenantId: string;
  @Field({ nullable: true, description: 'A new client id, when the app registration changed too.' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a GUID' })
  clientId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(1024) clientSecret?: string;
  @Field({ nullable: true }) @IsOptional() @IsDate() clientSecretExpiresAt?: Date;
  @Field(() => CertificateCredentialInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CertificateCredentialInput)
  certificate?: CertificateCredentialInput;
}

@ArgsType()
export class TenantByIdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class RenameTenantArgs extends TenantByIdArgs {
  @Field({ description: NAME_DESCRIPTION })
  @IsName(256)
  displayName: string;
}

@ArgsType()
export class VerifyTenantArgs {
  @Field(() => ID) @IsUUID() tenantId: string;
}
