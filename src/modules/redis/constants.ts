/** The port Redis listens on inside the container. */
export const REDIS_PORT = 6379;
/** Where the official image (and berth's fixture) keeps its data, and where `dump.rdb` is read at start. */
export const REDIS_DATA_DIR = '/data';
