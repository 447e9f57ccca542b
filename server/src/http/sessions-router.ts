import { Router } from 'express';
import { z } from 'zod';
import type { TokenService } from '../auth/token-service';
import { SessionListQuery } from '../contract/rest';
import type { ConsultationSessionRepository } from '../db/repositories/consultation-session-repository';
import { AppError } from '../domain/app-error';
import { requireStaff } from './auth-middleware';
import { parseInput } from './validate';

const SessionIdParams = z.object({ id: z.string().uuid() });

export function createSessionsRouter({ sessions, tokens }: { sessions: ConsultationSessionRepository; tokens: TokenService }): Router {
  const router = Router();
  router.use(requireStaff(tokens));

  router.get('/', async (req, res) => {
    const { limit } = parseInput(SessionListQuery, req.query);
    res.json({ items: await sessions.list({ limit }) });
  });

  router.get('/:id', async (req, res) => {
    const { id } = parseInput(SessionIdParams, req.params);
    const record = await sessions.findById(id);
    if (!record) throw AppError.notFound('session');
    res.json(record);
  });

  return router;
}
