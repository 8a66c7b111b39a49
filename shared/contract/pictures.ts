import { z } from 'zod';
import { channel } from './channel';

/** A page of thumbnails asks in one call. */
export const MAX_PICTURES_PER_CALL = 100;

export const pictureAnswerSchema = z.object({ url: z.string(), dataUrl: z.string().nullable(), problem: z.string().nullable() });
export type PictureAnswer = z.infer<typeof pictureAnswerSchema>;

export const picturesContract = {
  get: channel(
    'Vendor pictures the app’s features named (a page of thumbnails at once), fetched by the app once each and handed over as data, so the window loads nothing from elsewhere.',
    z.object({ urls: z.array(z.string().trim().min(1).max(2000)).min(1).max(MAX_PICTURES_PER_CALL) }).strict(),
    z.object({ images: z.array(pictureAnswerSchema) }),
  ),
};
