import type { Role } from '@redress/domain';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { RoleEnum } from '../auth/access-enums.type.js';

@InputType('CreateUserInput')
export class CreateUserInput {
  @Field({ description: 'Their work email address: what they sign in with.' })
  @MaxLength(320)
  email: string;

  @Field({ description: 'As residents and colleagues see it, e.g. "Priya Shah".' })
  @MaxLength(200)
  name: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => String, {
    nullable: true,
    description:
      "At least 12 characters and not a common one. Leave out for someone who signs in through the organisation's identity provider.",
  })
  @IsOptional()
  @MaxLength(256)
  password?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The teams they belong to.' })
  @IsOptional()
  @ArrayMaxSize(50)
  teamIds?: string[] | null;
}

@InputType('UpdateUserInput', { description: 'What to change; fields left out stay as they are.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  role?: Role | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces their teams.' })
  @IsOptional()
  @ArrayMaxSize(50)
  teamIds?: string[] | null;
}
