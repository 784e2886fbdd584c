export { AccessToken, priviledges } from '../../legacy'
export const version: '006'
