export { FpaTokenBuilder } from '../../index'
