import { randomBytes } from 'node:crypto';

/** Temporary media live 3 days on WeChat; after that the media_id answers 40007. */
const TEMP_MEDIA_TTL_MS = 3 * 24 * 3600 * 1000;

export type MediaContentType = 'image/jpeg' | 'image/png';

export type StoredMedia = {
  mediaId: string;
  type: 'image';
  contentType: MediaContentType;
  bytes: Buffer;
  createdAt: number;
};

/** Long url-safe ids like WeChat's temp media ids; callers must not rely on the length. */
function newMediaId(): string {
  return randomBytes(48).toString('base64url');
}

/** Temporary media (`/cgi-bin/media/upload`), kept in memory with their bytes. */
export class MediaStore {
  private readonly media = new Map<string, StoredMedia>();

  constructor(private readonly now: () => number) {}

  put(bytes: Buffer, contentType: MediaContentType): StoredMedia {
    const stored: StoredMedia = { mediaId: newMediaId(), type: 'image', contentType, bytes, createdAt: this.now() };
    this.media.set(stored.mediaId, stored);
    return stored;
  }

  /** Whatever was stored under this id, expired or not (for the control API). */
  find(mediaId: string): StoredMedia | undefined {
    return this.media.get(mediaId);
  }

  /** The media an API call may still name: known and younger than 3 days. */
  usable(mediaId: string): StoredMedia | undefined {
    const stored = this.media.get(mediaId);
    return stored && this.now() - stored.createdAt < TEMP_MEDIA_TTL_MS ? stored : undefined;
  }
}
