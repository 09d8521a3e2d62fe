/**
 * Every setting a server or worker process needs, read from the environment once at start. A bad
 * value stops the process with one line naming the variable (no stack trace), as an operator expects.
 */
import { ConfigError, loadConfig, type Config } from './config'
import { loadNotificationConfig, NotificationConfigError, type NotificationConfig } from './notifications'

export interface Settings {
  config: Config
  notify: NotificationConfig
}

export function loadSettingsOrExit(processName: string): Settings {
  try {
    return { config: loadConfig(process.env), notify: loadNotificationConfig(process.env) }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof NotificationConfigError) {
      process.stderr.write(`${processName}: ${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
}
