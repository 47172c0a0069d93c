/**
 * What a feature tells the composition root (bot/index.ts) about itself, so that no list of
 * commands or buttons is kept by hand anywhere else: the command menus, the help text and the
 * commands and buttons that end a flow in progress are all derived from these.
 */
export interface FeatureSurface {
  commands: readonly CommandInfo[];
  /** Filters of its buttons that, pressed in the middle of a flow, end the flow first. */
  flowEndingButtons: readonly RegExp[];
}

export interface CommandInfo {
  name: string;
  /** Position in the customers' command menu (lower first); absent: not in the menu. */
  menu?: number;
  /**
   * Typed in the middle of a flow, it ends the flow first (commands that start something new);
   * false for those that answer and leave the flow waiting (/privacy, /help).
   */
  endsFlow: boolean;
}
