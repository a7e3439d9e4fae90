/** Placeholder until the extension test suite lands: the runner's probe. */
export async function run(): Promise<void> {}
