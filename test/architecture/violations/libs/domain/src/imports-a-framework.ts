// Violates domain-is-pure: the domain may not depend on NestJS.
import { Injectable } from '@nestjs/common';

export const decorated = Injectable;
