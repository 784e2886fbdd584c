export { ApaasTokenBuilder } from '../../index'
