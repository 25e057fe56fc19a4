/** What `orderform demo` says between the commands it runs. */

export const renderDemoStart = (sandboxUrl: string, dir: string): string => `Sandbox on ${sandboxUrl}; config and state in ${dir}\n`;

/** The command as a user would type it, and what it shows. */
export const renderDemoStep = (title: string, argv: readonly string[]): string => `\n$ orderform ${argv.join(' ')}    # ${title}\n\n`;

export const renderDemoKept = (dir: string): string => `\nKept ${dir}\n`;
