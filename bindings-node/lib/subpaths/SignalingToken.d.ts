import { SignalingToken } from '../../legacy'
export = SignalingToken
