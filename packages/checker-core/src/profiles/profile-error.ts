/**
 * A profile that cannot be used; the CLI exits with 2. Its message is one line that starts with
 * `profile NAME-OR-FILE:`, names the key path, and never quotes the file's content beyond a key name
 * (see `profile-words.ts`): a profile given by mistake may be a secret file.
 */
export class ProfileError extends Error {
  override name = 'ProfileError';
}
