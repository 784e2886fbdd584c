export { RtmTokenBuilder } from '../../index'
