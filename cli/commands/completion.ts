import yargs from 'yargs';
import type { CliIo } from '../io.js';
import type { CommandFactory } from './define.js';
import { examples } from '../options.js';

/**
 * `orderform completion`: the shell completion script (bash, or zsh when $SHELL is zsh) from yargs'
 * `.completion()`. The script asks `orderform --get-yargs-completions …`, which the main parser
 * answers from the registered commands and options.
 */
export const completionCommand: CommandFactory = (io: CliIo) => ({
  command: 'completion',
  describe: 'Print a shell completion script (bash or zsh)',
  builder: (y) =>
    y
      .example(
        examples([
          ['$0 completion >> ~/.bashrc', 'Complete commands and options in bash'],
          ['$0 completion >> ~/.zshrc', 'The same in zsh (detected from $SHELL)'],
        ]),
      ),
  handler: async () => {
    io.stdout(`${await completionScript()}\n`);
  },
});

/** The script yargs generates, captured through a parse callback instead of printed to the console. */
function completionScript(): Promise<string> {
  return new Promise((resolve, reject) => {
    yargs()
      .scriptName('orderform')
      .completion('completion', false)
      .exitProcess(false)
      .parse(['completion'], {}, (err, _argv, output) => (err ? reject(err) : resolve(output)));
  });
}
