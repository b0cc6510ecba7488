/**
 * File-system errors met while reading the site (a page, a directory of content/, a shortcode's data
 * file) in words a user can act on: what the system said, without its code and the path it was given
 * (`EACCES: permission denied, open '/abs/path'` → `permission denied`), and what to do about it. They are
 * the site's problems, never hugo-prerender's bugs.
 */

/** The error's system code (`EACCES`, `ENOENT`, `EMFILE`…) when it is a file-system error, else undefined. */
export function fsErrorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof (e as NodeJS.ErrnoException).syscall === 'string' ? code : undefined;
}

/** What the system says went wrong: `permission denied` (Node's message without its code, call and path). */
export function fsReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = fsErrorCode(e);
  const m = /^E[A-Z0-9]+: (.*?)(?:, [a-z]+(?: '.*')?)?$/s.exec(message);
  return m?.[1] || code || message;
}

/**
 * What to do about the error, for the file or directory shown as `shown` (site-relative): the advice that
 * fits its code, ending without a full stop.
 */
export function fsAdvice(e: unknown, kind: 'file' | 'directory', shown: string): string {
  const quoted = /^[\w./@+-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`;
  switch (fsErrorCode(e)) {
    case 'EACCES':
    case 'EPERM':
      return kind === 'directory'
        ? `fix its permissions so that the user running the build can list and enter it (chmod a+rx ${quoted}), or move it out of the site's content`
        : `fix its permissions so that the user running the build can read it (chmod a+r ${quoted}; the directories above it need a+x)`;
    case 'EISDIR':
      return 'it is a directory: name a file';
    case 'ENOTDIR':
      return 'a part of its path is a file, not a directory: fix the path';
    case 'ENOENT':
      return 'it was removed or moved while the build ran: build again';
    case 'ELOOP':
      return 'a symbolic link on its path leads back to itself: fix or remove the link';
    case 'EMFILE':
    case 'ENFILE':
      return 'the system has too many files open: raise the limit (ulimit -n) or close other programs, then build again';
    case 'EIO':
      return 'the disk reported a read error: check the disk, or restore the file from a copy';
    default:
      return kind === 'directory' ? 'check that it is a directory the user running the build can read' : 'check that it is a file the user running the build can read';
  }
}

/** `cannot be read (permission denied): fix its permissions …`: the reason and the advice in one. */
export function cannotRead(e: unknown, kind: 'file' | 'directory', shown: string): string {
  return `cannot be read (${fsReason(e)}): ${fsAdvice(e, kind, shown)}`;
}

/**
 * The message at a page or a content directory the build could not read: `this file cannot be read
 * (permission denied), so <consequence> (Hugo stops on it too): <advice>`; Hugo's part only where the
 * error stays until someone fixes it.
 */
export function unreadableMessage(e: unknown, kind: 'file' | 'directory', shown: string, consequence: string): string {
  // What stays wrong with the file until someone fixes it (not a file gone meanwhile, or too many open).
  const hugoToo = ['EACCES', 'EPERM', 'EIO', 'ELOOP'].includes(fsErrorCode(e) ?? '');
  return `this ${kind} cannot be read (${fsReason(e)}), so ${consequence}${hugoToo ? ' (Hugo stops on it too)' : ''}: ${fsAdvice(e, kind, shown)}`;
}
